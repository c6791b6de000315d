/* test_remote.c -- the image checks against a loopback server in this
 * process: at most REMOTE_ACTIVE_MAX connections at once however many URLs
 * come, every URL still answered; nothing opened to an address not allowed. */
#include "t.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../src/net/remote.h"

#define URLS (REMOTE_ACTIVE_MAX + 8)

/* Holds every request it receives until none has arrived for QUIET_MS, then
 * answers them all 200: a checker with no cap would put all URLS in flight. */
#define QUIET_MS 200

typedef struct Host {
	int listener, port;
	int accepted, most_open;
	volatile int stop;
} Host;

static void answer(int fd)
{
	static const char ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
	char req[2048];
	/* read the request first: closing on unread bytes resets the connection */
	ssize_t n = recv(fd, req, sizeof(req), MSG_DONTWAIT);
	n = write(fd, ok, sizeof(ok) - 1);
	(void)n;
	close(fd);
}

static void *serve(void *arg)
{
	Host *h = arg;
	int held[URLS * 2], nheld = 0;
	while (!h->stop) {
		struct pollfd p = {.fd = h->listener, .events = POLLIN};
		if (poll(&p, 1, QUIET_MS) > 0) {
			int fd = accept(h->listener, NULL, NULL);
			if (fd < 0) continue;
			h->accepted++;
			if (nheld < URLS * 2) held[nheld++] = fd;
			else close(fd);
			if (nheld > h->most_open) h->most_open = nheld;
			continue;
		}
		/* quiet: answer what is held (requests are read by the kernel) */
		for (int i = 0; i < nheld; i++) answer(held[i]);
		nheld = 0;
	}
	for (int i = 0; i < nheld; i++) close(held[i]);
	return NULL;
}

static int host_start(Host *h, pthread_t *t)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof(a);
	*h = (Host){.listener = socket(AF_INET, SOCK_STREAM, 0)};
	if (h->listener < 0 || bind(h->listener, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    listen(h->listener, 128) != 0 || getsockname(h->listener, (struct sockaddr *)&a, &len) != 0)
		return -1;
	h->port = ntohs(a.sin_port);
	return pthread_create(t, NULL, serve, h);
}

void test_remote(void)
{
	Host h;
	pthread_t t;
	static char text[URLS][64];
	const char *urls[URLS];
	bool ok[URLS];

	CHECK(remote_setup() == 0);
	if (host_start(&h, &t) != 0) {
		CHECK(!"loopback listener");
		return;
	}
	for (int i = 0; i < URLS; i++) {
		snprintf(text[i], sizeof(text[i]), "http://127.0.0.1:%d/ok-%d.jpg", h.port, i);
		urls[i] = text[i];
	}

	/* not allowed: refused before a connection is made */
	CHECK(remote_allow_set("") == 0);
	CHECK(remote_check_urls(urls, 4, ok) == 0 && !ok[0] && !ok[3]);
	CHECK(h.accepted == 0);
	CHECK(remote_allow_set("10.0.0.0/8") == 0);
	CHECK(remote_check_urls(urls, 1, ok) == 0 && h.accepted == 0);

	/* allowed: every URL answered, never more than the cap at once */
	CHECK(remote_allow_set("127.0.0.1") == 0);
	CHECK(remote_check_urls(urls, URLS, ok) == URLS);
	CHECK(h.accepted == URLS);
	CHECK(h.most_open == REMOTE_ACTIVE_MAX);
	if (h.most_open != REMOTE_ACTIVE_MAX) fprintf(stderr, "most open: %d\n", h.most_open);

	CHECK(remote_allow_set("nope") == -1);
	CHECK(remote_allow_set("") == 0);
	h.stop = 1;
	pthread_join(t, NULL);
	close(h.listener);
	remote_teardown();
}
