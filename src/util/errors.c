#include "errors.h"

const char *souk_strerror(int rc)
{
	switch (rc) {
	case SOUK_OK: return "ok";
	case SOUK_ENOTFOUND: return "not found";
	case SOUK_EINVAL: return "invalid input";
	case SOUK_EEXIST: return "already exists";
	case SOUK_EDENIED: return "denied";
	case SOUK_ESTATE: return "wrong state";
	case SOUK_EAUTH: return "bad credentials";
	case SOUK_ESTORE: return "storage error";
	case SOUK_EBUSY: return "storage busy";
	case SOUK_EREF: return "broken reference";
	case SOUK_EEXPIRED: return "expired";
	case SOUK_ELIMIT: return "too many attempts";
	case SOUK_ETOOBIG: return "too large";
	case SOUK_EFUNDS: return "not enough credits";
	}
	return "unknown error";
}
