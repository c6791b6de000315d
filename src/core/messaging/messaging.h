/* messaging.h -- buyers and sellers talk: one thread per listing and buyer,
 * messages with text and attachments (URLs of files a participant sent),
 * read state and a favourite flag per participant, unread counts.
 *
 * A buyer opens a thread by writing on a listing buyers can see; from then
 * on either participant writes in it. A seller never writes first, and a
 * thread does not exist for anyone but its two participants
 * (SOUK_ENOTFOUND, whether or not it exists). Every new message is a
 * message.created event in the seller's feed, in the message's transaction.
 * Faces word the rules' codes (core/listing/violations.h). */
#ifndef SOUK_MESSAGING_H
#define SOUK_MESSAGING_H

#include "../actor.h"
#include "../ctx.h"
#include "../listing/violations.h"

#define MESSAGE_TEXT_MAX 4000		/* characters */
#define MESSAGE_ATTACHMENTS_MAX 10
#define ATTACHMENT_URL_MAX 2048		/* bytes */
#define ATTACHMENT_NAME_MAX 255		/* characters */

/* A message as a face read it. An attachment's name may be NULL: the last
 * segment of its URL's path names it then. */
typedef struct MessageInput {
	const char *text;
	const Attachment *attachments;
	int nattachments;
} MessageInput;

/* The rules of a message, at paths "text", "attachments",
 * "attachments[<i>].url" and "attachments[<i>].name": RULE_REQUIRED (no
 * text, or only blanks), RULE_TOO_LONG, RULE_ENCODING, RULE_TOO_MANY,
 * RULE_URL_FORMAT. Pure; true when nothing is broken. */
bool message_check(const MessageInput *in, Violations *vs);

/* Results below: 0; SOUK_EINVAL with vs; SOUK_ENOTFOUND; SOUK_EDENIED for
 * a seller writing on their own listing (a seller cannot write first). */

/* Writing. The buyer (who) writes on a listing buyers can see: the thread
 * of that listing and buyer is opened, or continued. */
int message_open(Ctx *c, const Actor *who, int64_t listing_id, const MessageInput *in,
	Violations *vs, Thread *thread, Message *out);
/* A participant writes in a thread that exists. */
int message_post(Ctx *c, const Actor *who, int64_t thread_id, const MessageInput *in,
	Violations *vs, Message *out);

/* Reading, as the participant who */
int thread_get(Ctx *c, const Actor *who, int64_t id, Thread *out);
/* Latest conversation first; listing_id and interlocutor_id 0 for any. */
int thread_list(Ctx *c, const Actor *who, int64_t listing_id, int64_t interlocutor_id,
	int64_t offset, int64_t limit, Thread **out, int *n);
/* The listing's thread of this buyer: 0 and *out, or SOUK_ENOTFOUND. */
int thread_find(Ctx *c, const Actor *who, int64_t listing_id, Thread *out);
/* Oldest first. */
int thread_messages(Ctx *c, const Actor *who, int64_t id, int64_t offset, int64_t limit,
	Message **out, int *n);
int thread_message_get(Ctx *c, const Actor *who, int64_t id, int64_t message_id, Message *out);
/* Messages to who not read yet, in all their threads. */
int thread_unread_total(Ctx *c, const Actor *who, int64_t *n);

/* Commands */
int thread_mark_read(Ctx *c, const Actor *who, int64_t id);
int thread_set_favourite(Ctx *c, const Actor *who, int64_t id, bool on);

/* Sandbox (sandbox.c): the user with this e-mail, or a new buyer with it
 * (the password NULL: a random one nobody knows); SOUK_EINVAL with c->err
 * for an e-mail or password user_create refuses. */
int messaging_buyer_ensure(Ctx *c, const char *email, const char *name, const char *password,
	int64_t *id);

#endif
