/*
 * admin: the handlers data.c gives the route table in main.c.
 */
#ifndef MENTEO_ADMIN_H
#define MENTEO_ADMIN_H

#include "req.h"

void	export_json(struct req *);	/* GET /settings/export */
void	delete_form(struct req *);	/* GET /settings/delete */
void	delete_account(struct req *);	/* POST /settings/delete */

#endif
