/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-schedule.h"

G_BEGIN_DECLS

typedef struct _JhScheduleFinds JhScheduleFinds;

JhScheduleFinds *_jh_schedule_finds_new   (void);
void             _jh_schedule_finds_free  (JhScheduleFinds *finds);
JhSchedule      *_jh_schedule_new_reusing (JhPlan          *plan,
                                           JhScheduleFinds *finds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhScheduleFinds, _jh_schedule_finds_free)

G_END_DECLS
