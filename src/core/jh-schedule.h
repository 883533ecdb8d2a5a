/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-plan.h"
#include "jh-timing.h"

G_BEGIN_DECLS

/**
 * JhActivitySource:
 * @JH_ACTIVITY_SOURCE_TIMING: the task's timing field
 * @JH_ACTIVITY_SOURCE_BODY: a time expression in a paragraph of its body
 */
typedef enum
{
  JH_ACTIVITY_SOURCE_TIMING,
  JH_ACTIVITY_SOURCE_BODY,
} JhActivitySource;

/**
 * JhScheduleStyle:
 * @JH_SCHEDULE_STYLE_BY_QUARTER: "第一季度：2月下旬，…；3月中旬，…。"
 * @JH_SCHEDULE_STYLE_BY_MONTH: "五月份：…"
 */
typedef enum
{
  JH_SCHEDULE_STYLE_BY_QUARTER,
  JH_SCHEDULE_STYLE_BY_MONTH,
} JhScheduleStyle;

/**
 * JhActivity:
 *
 * When a task is done: a parsed time expression and where it came from.
 * Immutable and reference counted.
 */
typedef struct _JhActivity JhActivity;

#define JH_TYPE_ACTIVITY (jh_activity_get_type ())

GType             jh_activity_get_type        (void) G_GNUC_CONST;
JhActivity       *jh_activity_ref             (JhActivity *self);
void              jh_activity_unref           (JhActivity *self);
JhTask           *jh_activity_get_task        (JhActivity *self);
JhTiming         *jh_activity_get_timing      (JhActivity *self);
JhActivitySource  jh_activity_get_source      (JhActivity *self);
JhParagraph      *jh_activity_get_paragraph   (JhActivity *self);
glong             jh_activity_get_char_offset (JhActivity *self);
glong             jh_activity_get_char_length (JhActivity *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhActivity, jh_activity_unref)

#define JH_TYPE_SCHEDULE (jh_schedule_get_type ())

G_DECLARE_FINAL_TYPE (JhSchedule, jh_schedule, JH, SCHEDULE, GObject)

JhSchedule *jh_schedule_new                (JhPlan           *plan);
JhPlan     *jh_schedule_get_plan           (JhSchedule       *self);
guint       jh_schedule_get_year           (JhSchedule       *self);
GPtrArray  *jh_schedule_get_tasks          (JhSchedule       *self);
GPtrArray  *jh_schedule_get_activities     (JhSchedule       *self,
                                            JhTask           *task);
GPtrArray  *jh_schedule_get_all_activities (JhSchedule       *self);
GPtrArray  *jh_schedule_get_unscheduled    (JhSchedule       *self);
GPtrArray  *jh_schedule_get_outside_year   (JhSchedule       *self);
guint       jh_schedule_count_in_month     (JhSchedule       *self,
                                            GDateMonth        month);
guint       jh_schedule_count_in_quarter   (JhSchedule       *self,
                                            guint             quarter);
gboolean    jh_schedule_is_concentrated    (JhSchedule       *self,
                                            guint            *quarter);
GPtrArray  *jh_schedule_format             (JhSchedule       *self,
                                            JhScheduleStyle   style);

G_END_DECLS
