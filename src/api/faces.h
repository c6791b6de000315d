/* faces.h -- the dialects souk speaks, and the route table that binds their
 * handlers to paths. Each face lives in its own folder under api/ (web/ for
 * the pages); this header is how the server reaches them. */
#ifndef SOUK_FACES_H
#define SOUK_FACES_H

#include "../http/http.h"

/* Faces */
extern const Face face_olx;	/* OLX Partner API v2, /api/partner */
extern const Face face_oauth;	/* the OAuth2 token endpoint, /api/open/oauth */
extern const Face face_web;	/* HTML pages: login, consent, linked apps */
extern const Face face_sys;	/* /healthz, /metrics, discovery */
extern const Face face_admin;	/* the operator API, /api/admin */
extern const Face face_allegro;	/* Allegro REST API resources: /me, /sale (public v1) */
extern const Face face_allegro_beta;	/* the resources Allegro serves in beta v1 only */
extern const Face face_allegro_oauth;	/* Allegro's sign-in endpoints, /auth/oauth */
extern const Face face_wallapop_oauth;	/* Wallapop's token endpoint, WALLAPOP_OIDC */
extern const Face face_wallapop;	/* Wallapop Connect's items API, /items */
extern const Face face_wallapop_webhooks;	/* its webhooks API, /webhooks: the same face */

/* Wallapop's sign-in (the document's security scheme): the realm, and under
 * it the authorize page (web/) and the token endpoint (api/wallapop). */
#define WALLAPOP_REALM "/realms/wallapop-connect"
#define WALLAPOP_OIDC WALLAPOP_REALM "/protocol/openid-connect"

/* Where a user confirms a device's code (RFC 8628 verification_uri): a page
 * of web/ that Allegro's device endpoint names. */
#define DEVICE_PAGE_PATH "/device"

/* Route table (routes.c) */
extern const Route souk_routes[];
extern const int souk_routes_count;
extern const Face *const souk_faces[];	/* by path prefix, longest first */

#endif
