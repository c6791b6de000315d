/* errors.h -- the one error enum of souk.
 *
 * Fallible functions return 0 or one of these (negative). Human detail goes in
 * the caller's Ctx error slot; only a face turns an error into a status code. */
#ifndef SOUK_ERRORS_H
#define SOUK_ERRORS_H

enum {
	SOUK_OK = 0,
	SOUK_ENOTFOUND = -1,	/* no such object (or not visible to the caller) */
	SOUK_EINVAL = -2,	/* input breaks a rule; detail in ctx */
	SOUK_EEXIST = -3,	/* unique key already taken */
	SOUK_EDENIED = -4,	/* caller may not do this */
	SOUK_ESTATE = -5,	/* object is in the wrong state for this */
	SOUK_EAUTH = -6,	/* credentials wrong */
	SOUK_ESTORE = -7,	/* storage failed; logged */
	SOUK_EBUSY = -8,	/* storage busy past its timeout */
	SOUK_EREF = -9,		/* refers to an object that does not exist, or is still referred to */
	SOUK_EEXPIRED = -10,	/* a cursor or token older than what is kept for it */
	SOUK_ELIMIT = -11,	/* too many attempts: try again later */
	SOUK_ETOOBIG = -12,	/* input larger than what is accepted (bytes, pixels) */
	SOUK_EFUNDS = -13,	/* not enough money for a purchase */
};

const char *souk_strerror(int rc);

#endif
