#include "maintenance.h"

int maintenance_checkpoint(Ctx *c)
{
	/* 0 items: a checkpoint never makes the runner hurry to the next tick. */
	int rc = store_checkpoint(c->st);
	return rc ? ctx_fail(c, rc, NULL, "checkpoint failed") : 0;
}
