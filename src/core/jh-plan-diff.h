/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jh-paragraph.h"
#include "jh-plan.h"
#include "jh-target.h"
#include "jh-task.h"

G_BEGIN_DECLS

/**
 * JhTaskChange:
 * @JH_TASK_CHANGE_SAME: carried over as it was
 * @JH_TASK_CHANGE_CARRIED: carried over, with the changes its
 *   #JhTaskChangeFlags say
 * @JH_TASK_CHANGE_NEW: only in the new plan
 * @JH_TASK_CHANGE_DROPPED: only in the old plan
 *
 * What became of a task from one plan to the next.
 */
typedef enum
{
  JH_TASK_CHANGE_SAME,
  JH_TASK_CHANGE_CARRIED,
  JH_TASK_CHANGE_NEW,
  JH_TASK_CHANGE_DROPPED,
} JhTaskChange;

/**
 * JhTaskChangeFlags:
 * @JH_TASK_CHANGE_FLAGS_NONE: nothing changed
 * @JH_TASK_CHANGE_REWORDED: its lead or its text changed
 * @JH_TASK_CHANGE_MOVED: it is in another section, or under another task
 * @JH_TASK_CHANGE_RETIMED: its timing changed
 * @JH_TASK_CHANGE_TARGETS: a target was raised, lowered, added or dropped
 * @JH_TASK_CHANGE_OWNER: its lead or participating units changed
 */
typedef enum
{
  JH_TASK_CHANGE_FLAGS_NONE = 0,
  JH_TASK_CHANGE_REWORDED   = 1 << 0,
  JH_TASK_CHANGE_MOVED      = 1 << 1,
  JH_TASK_CHANGE_RETIMED    = 1 << 2,
  JH_TASK_CHANGE_TARGETS    = 1 << 3,
  JH_TASK_CHANGE_OWNER      = 1 << 4,
} JhTaskChangeFlags;

/**
 * JhTargetChange:
 * @metric: what is counted, 调研
 * @old_target: (nullable): the target in the old plan; %NULL when added
 * @new_target: (nullable): the target in the new plan; %NULL when dropped
 * @direction: 1 raised, -1 lowered, 0 neither (added, dropped, or only
 *   its comparison or unit changed)
 */
typedef struct
{
  const char *metric;
  JhTarget   *old_target;
  JhTarget   *new_target;
  int         direction;
} JhTargetChange;

typedef struct _JhTaskMatch JhTaskMatch;

#define JH_TYPE_TASK_MATCH (jh_task_match_get_type ())

GType              jh_task_match_get_type           (void) G_GNUC_CONST;
JhTaskMatch       *jh_task_match_ref                (JhTaskMatch *self);
void               jh_task_match_unref              (JhTaskMatch *self);
JhTaskChange       jh_task_match_get_change         (JhTaskMatch *self);
JhTaskChangeFlags  jh_task_match_get_flags          (JhTaskMatch *self);
JhTask            *jh_task_match_get_old_task       (JhTaskMatch *self);
JhTask            *jh_task_match_get_new_task       (JhTaskMatch *self);
double             jh_task_match_get_similarity     (JhTaskMatch *self);
guint              jh_task_match_get_n_target_changes (JhTaskMatch *self);
const JhTargetChange *jh_task_match_get_target_change (JhTaskMatch *self,
                                                       guint        index_);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhTaskMatch, jh_task_match_unref)

/**
 * JhCopiedParagraph:
 * @old_paragraph: the paragraph in the old plan
 * @new_paragraph: the same words in the new plan
 */
typedef struct
{
  JhParagraph *old_paragraph;
  JhParagraph *new_paragraph;
} JhCopiedParagraph;

#define JH_TYPE_PLAN_DIFF (jh_plan_diff_get_type ())

G_DECLARE_FINAL_TYPE (JhPlanDiff, jh_plan_diff, JH, PLAN_DIFF, GObject)

JhPlanDiff              *jh_plan_diff_new                  (JhPlan     *old_plan,
                                                            JhPlan     *new_plan);
JhPlan                  *jh_plan_diff_get_old_plan         (JhPlanDiff *self);
JhPlan                  *jh_plan_diff_get_new_plan         (JhPlanDiff *self);
GPtrArray               *jh_plan_diff_get_matches          (JhPlanDiff *self);
JhTaskMatch             *jh_plan_diff_find_match           (JhPlanDiff *self,
                                                            JhTask     *task);
guint                    jh_plan_diff_count                (JhPlanDiff *self,
                                                            JhTaskChange change);
guint                    jh_plan_diff_get_n_copied         (JhPlanDiff *self);
const JhCopiedParagraph *jh_plan_diff_get_copied           (JhPlanDiff *self,
                                                            guint       index_);
GStrv                    jh_plan_diff_dup_changed_properties (JhPlanDiff *self);
gboolean                 jh_plan_diff_is_same              (JhPlanDiff *self);

const char              *jh_task_change_to_nick            (JhTaskChange change);
char                    *jh_task_dup_text_for_diff         (JhTask     *task);

G_END_DECLS
