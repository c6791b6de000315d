/* routes.c -- the route table: method, path, handler, authentication, scope,
 * accepted body, rate class and face of every endpoint souk serves.
 *
 * The router takes the first route whose pattern matches, so a literal
 * segment ("/categories/suggestion") must come before a {param} at the same
 * place ("/categories/{id}"). */
#include "faces.h"
#include "admin/admin.h"
#include "olx/olx.h"
#include "sys/sys.h"

#define OLX "/api/partner"
#define R_V2 (SCOPE_V2 | SCOPE_READ)
#define W_V2 (SCOPE_V2 | SCOPE_WRITE)

const Route souk_routes[] = {
	/* operations */
	{HTTP_GET, "/healthz", sys_healthz, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_sys},
	{HTTP_GET, "/metrics", sys_metrics, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_sys},

	/* operator API */
	{HTTP_GET, "/api/admin/clock", admin_clock_get, ROUTE_OPERATOR, 0, BODY_NONE, 0, &face_admin},
	{HTTP_POST, "/api/admin/clock/advance", admin_clock_advance, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},

	/* OLX: users */
	{HTTP_GET, OLX "/users/me", olx_users_me, ROUTE_USER, R_V2, BODY_NONE, 1, &face_olx},
	{HTTP_GET, OLX "/users/{id}", olx_users_get, ROUTE_TOKEN, R_V2, BODY_NONE, 1, &face_olx},
};

const int souk_routes_count = (int)(sizeof(souk_routes) / sizeof(souk_routes[0]));

const Face *const souk_faces[] = {&face_admin, &face_olx, NULL};
