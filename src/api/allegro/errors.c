/* errors.c -- Allegro's error envelope (seed 004): {"errors": [{code,
 * message, details, path, userMessage}]}, one error or a list (a 422 names
 * each field at fault in path). The OAuth2 short form of 401s is face.c's. */
#include "allegro.h"

static const char *code_for(int status)
{
	switch (status) {
	case 400: return "BadRequestException";
	case 403: return "AccessDenied";
	case 404: return "NotFoundException";
	case 405: return "MethodNotAllowedException";
	case 406: return "NotAcceptableException";
	case 413: return "PayloadTooLargeException";
	case 415: return "UnsupportedMediaTypeException";
	case 422: return "ValidationException";
	case 429: return "TooManyRequestsException";
	case 503: return "ServiceUnavailableException";
	}
	return status >= 500 ? "InternalServerErrorException" : "BadRequestException";
}

/* userMessage when the caller has none: for the application's user, in the
 * request's language: seed 004's wording for 404 and the Polish 406, the
 * document's for the English one. */
static const char *user_message(Request *r, int status)
{
	if (status == 404)
		return allegro_say(r, "Function not available. Contact the application author.",
			"Funkcja niedostępna. Skontaktuj się z autorem aplikacji.");
	if (status == 403)
		return allegro_say(r, "You do not have access to this resource.",
			"Brak dostępu do tego zasobu.");
	if (status == 429)
		return allegro_say(r, "Too many requests. Try again later.",
			"Zbyt wiele żądań. Spróbuj ponownie później.");
	if (status >= 500)
		return allegro_say(r, "An error occurred. Please try again later.",
			"Wystąpił błąd. Spróbuj ponownie później.");
	return allegro_say(r, "The request contains incorrect data. Contact the author of the application.",
		"Żądanie zawiera błędne dane. Skontaktuj się z autorem aplikacji.");
}

void allegro_jw_errors(Request *r, JsonW *w, int status, const AllegroError *errs, int n)
{
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		const AllegroError *e = &errs[i];
		jw_obj(w);
		jw_kstr(w, "code", e->code ? e->code : code_for(status));
		jw_kstr(w, "message", e->message);
		jw_kstr(w, "details", e->details);
		jw_kstr(w, "path", e->path);
		jw_kstr(w, "userMessage", e->user_message ? e->user_message : user_message(r, status));
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

void allegro_errors(Request *r, int status, const AllegroError *errs, int n)
{
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "errors");
	allegro_jw_errors(r, &w, status, errs, n);
	jw_obj_end(&w);
	allegro_done(r, status);
}

void allegro_errors_init(AllegroErrors *l, Arena *a)
{
	l->v = (Vec)VEC_IN(a, AllegroError);
}

AllegroError *allegro_errors_add(AllegroErrors *l, const char *code, const char *path,
	const char *message, const char *user_message)
{
	AllegroError *e = vec_push(&l->v);
	*e = (AllegroError){.code = code, .message = message, .path = path, .user_message = user_message};
	return e;
}

void allegro_errors_send(Request *r, int status, const AllegroErrors *l)
{
	allegro_errors(r, status, l->v.p, (int)l->v.n);
}

void allegro_error_one(Request *r, int status, const char *code, const char *message,
	const char *path)
{
	AllegroError e = {.code = code, .message = message, .path = path};
	allegro_errors(r, status, &e, 1);
}

void allegro_error(Request *r, int status, const char *detail)
{
	/* The seed's own example of a 404 says "Not found". */
	allegro_error_one(r, status, code_for(status), status == 404 ? "Not found" : detail, NULL);
}
