/* sys.h -- the operational endpoints: health, metrics. */
#ifndef SOUK_SYS_H
#define SOUK_SYS_H

#include "../reply.h"

int sys_healthz(Request *r);
int sys_metrics(Request *r);

#endif
