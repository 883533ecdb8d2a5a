/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <string.h>

#include "jh-paragraph.h"
#include "jh-schedule.h"
#include "jh-section.h"
#include "jh-summary.h"
#include "jh-target.h"
#include "jh-task.h"

/**
 * SECTION:jh-summary
 *
 * The year's summary (工作总结) is written against the year's plan: a
 * skeleton that follows the plan's main tasks, each with its targets in
 * a table to fill with what was done (目标 / 完成情况, laid out by
 * #JhLayout for a summary), the year's activities by quarter to tick
 * off, and a closing section for next year's ideas.
 *
 * What the skeleton says to the drafter is document text, in Chinese
 * like the plan it comes from.
 */

static const char * const quarter_names[] = { "第一季度", "第二季度", "第三季度", "第四季度" };

/**
 * jh_summary_dup_title:
 * @plan_title: a plan's title, 青桥街道政协工委2027年工作计划
 *
 * Returns: (transfer full): the title of its summary,
 *   青桥街道政协工委2027年工作总结
 */
char *
jh_summary_dup_title (const char *plan_title)
{
  static const char * const plan_words[] = { "工作计划", "工作要点", "工作安排", "计划", "要点" };

  g_return_val_if_fail (plan_title != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (plan_words); i++)
    if (g_str_has_suffix (plan_title, plan_words[i]))
      {
        g_autofree char *stem = g_strndup (plan_title, strlen (plan_title) - strlen (plan_words[i]));

        return g_strconcat (stem, g_str_has_prefix (plan_words[i], "工作") ? "工作总结" : "总结", NULL);
      }

  return g_strconcat (plan_title, "工作总结", NULL);
}

static void
add_paragraph (JhSection  *section,
               const char *text)
{
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new (text);

  jh_section_insert_paragraph (section, -1, paragraph);
}

/* A task of the summary for a task of the plan: its lead, its owner,
 * its targets to report against, and the same for its sub-tasks.
 */
static JhTask *
new_summary_task (JhTask *plan_task,
                  gboolean top)
{
  JhTask *task = jh_task_new (jh_task_get_lead (plan_task));
  GListModel *targets = jh_task_get_targets (plan_task);
  GListModel *subtasks = jh_task_get_subtasks (plan_task);

  jh_task_set_owner (task, jh_task_get_owner (plan_task));
  jh_task_set_timing (task, jh_task_get_timing (plan_task));

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(JhTarget) target = g_list_model_get_item (targets, i);
      g_autoptr(JhTarget) copy = jh_target_new (jh_target_get_metric (target),
                                                jh_target_get_comparison (target),
                                                jh_target_get_number (target),
                                                jh_target_get_unit (target));

      jh_task_insert_target (task, -1, copy);
    }

  if (top)
    {
      g_autoptr(JhParagraph) prompt = jh_paragraph_new ("（对照年初计划，写明这项工作的完成情况、取得的成效和存在的不足。）");

      jh_task_insert_paragraph (task, -1, prompt);
    }

  for (guint i = 0; i < g_list_model_get_n_items (subtasks); i++)
    {
      g_autoptr(JhTask) subtask = g_list_model_get_item (subtasks, i);
      g_autoptr(JhTask) summary_subtask = new_summary_task (subtask, FALSE);

      jh_task_insert_subtask (task, -1, summary_subtask);
    }

  return task;
}

/* The quarter (0–3) a range of the plan's year starts in, or -1. */
static int
quarter_of_range (const JhTimeRange *range,
                  guint              year)
{
  const GDate *date = g_date_valid (&range->start) ? &range->start : &range->end;

  if (!g_date_valid (date) || g_date_get_year (date) != year)
    return -1;

  return (g_date_get_month (date) - 1) / 3;
}

static char *
dup_phrase (JhTask *task)
{
  g_autofree char *lead = g_strdup (jh_task_get_lead (task));
  gsize length = strlen (lead);

  /* "…履职能力。" reads as a list item without its full stop. */
  while (length > 0 && (g_str_has_suffix (lead, "。") || g_str_has_suffix (lead, "；")))
    {
      length -= strlen ("。");
      lead[length] = '\0';
    }

  return g_steal_pointer (&lead);
}

/* The work of the whole year, then each quarter, and under each a
 * paragraph for every task with an activity in it, with a box to tick:
 * "☐ 2月下旬　召开全体委员会议".
 */
static void
add_activities (JhSection *section,
                JhPlan    *plan)
{
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
  GPtrArray *tasks = jh_schedule_get_tasks (schedule);
  guint year = jh_plan_get_year (plan);
  GPtrArray *quarters[G_N_ELEMENTS (quarter_names)] = { NULL };
  g_autoptr(GPtrArray) whole_year = g_ptr_array_new_with_free_func (g_free);

  for (guint q = 0; q < G_N_ELEMENTS (quarter_names); q++)
    quarters[q] = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tasks->len; i++)
    {
      JhTask *task = g_ptr_array_index (tasks, i);
      GPtrArray *activities = jh_schedule_get_activities (schedule, task);
      g_autofree char *phrase = dup_phrase (task);
      gboolean listed[G_N_ELEMENTS (quarter_names)] = { FALSE };
      gboolean whole_year_listed = FALSE;

      for (guint a = 0; activities != NULL && a < activities->len; a++)
        {
          JhTiming *timing = jh_activity_get_timing (g_ptr_array_index (activities, a));

          for (guint r = 0; r < jh_timing_get_n_ranges (timing); r++)
            {
              const JhTimeRange *range = jh_timing_get_range (timing, r);
              int quarter = quarter_of_range (range, year);
              g_autofree char *when = NULL;

              /* What lasts all year is said once, before the quarters. */
              if (range->granularity == JH_TIME_GRANULARITY_YEAR)
                {
                  if (!whole_year_listed)
                    g_ptr_array_add (whole_year, g_strdup_printf ("☐ %s　%s", jh_timing_get_text (timing), phrase));
                  whole_year_listed = TRUE;
                  continue;
                }

              /* A task goes once in a quarter, with its first date there. */
              if (quarter < 0 || listed[quarter])
                continue;

              /* 每月 is said as the plan says it, not as its first month. */
              listed[quarter] = TRUE;
              if (jh_timing_get_recurrence (timing) != JH_TIME_RECURRENCE_NONE)
                when = g_strdup (jh_timing_get_text (timing));
              else
                when = jh_timing_format_range (range, year);
              g_ptr_array_add (quarters[quarter], g_strdup_printf ("☐ %s　%s", when, phrase));
            }
        }
    }

  if (whole_year->len > 0)
    {
      add_paragraph (section, "全年");
      for (guint i = 0; i < whole_year->len; i++)
        add_paragraph (section, g_ptr_array_index (whole_year, i));
    }

  for (guint q = 0; q < G_N_ELEMENTS (quarter_names); q++)
    {
      g_autofree char *heading = g_strdup_printf ("%s%s", quarter_names[q],
                                                  quarters[q]->len == 0 ? "：无安排。" : "");

      add_paragraph (section, heading);
      for (guint i = 0; i < quarters[q]->len; i++)
        add_paragraph (section, g_ptr_array_index (quarters[q], i));
      g_ptr_array_unref (quarters[q]);
    }
}

/**
 * jh_summary_new_from_plan:
 * @plan: the year's plan
 *
 * Makes the skeleton of the year's summary of @plan: a document of the
 * kind %JH_DOCUMENT_KIND_SUMMARY whose sections follow the plan's main
 * tasks with their targets, list the year's activities by quarter with
 * a box to tick, and end with next year's ideas.
 *
 * Returns: (transfer full): the summary, not saved
 */
JhPlan *
jh_summary_new_from_plan (JhPlan *plan)
{
  g_autoptr(JhPlan) summary = NULL;
  g_autoptr(JhSection) preamble = NULL;
  g_autoptr(JhSection) work = NULL;
  g_autoptr(JhSection) activities = NULL;
  g_autoptr(JhSection) next_year = NULL;
  g_autofree char *title = NULL;
  g_autofree char *overview = NULL;
  g_autofree char *ideas = NULL;
  GListModel *sections;
  guint year;

  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);

  year = jh_plan_get_year (plan);
  summary = jh_plan_new (year);
  title = jh_summary_dup_title (jh_plan_get_title (plan));
  jh_plan_set_kind (summary, JH_DOCUMENT_KIND_SUMMARY);
  jh_plan_set_title (summary, title);
  jh_plan_set_organization (summary, jh_plan_get_organization (plan));
  jh_plan_set_drafter (summary, jh_plan_get_drafter (plan));
  jh_plan_set_signoff_organization (summary, jh_plan_get_signoff_organization (plan));

  preamble = jh_section_new (JH_SECTION_KIND_PREAMBLE, NULL);
  overview = g_strdup_printf ("（概述%u年的工作：在谁的领导下，围绕什么，做了哪些主要工作，取得了哪些成效。）"
                              "现将全年工作总结如下。", year);
  add_paragraph (preamble, overview);
  jh_plan_insert_section (summary, -1, preamble);

  /* The plan's main tasks, each to report on against its targets. */
  work = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, "主要工作完成情况");
  sections = jh_plan_get_sections (plan);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      GListModel *tasks = jh_section_get_tasks (section);

      if (jh_section_get_kind (section) != JH_SECTION_KIND_MAIN_TASKS)
        continue;

      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(JhTask) task = g_list_model_get_item (tasks, t);
          g_autoptr(JhTask) summary_task = new_summary_task (task, TRUE);

          jh_section_insert_task (work, -1, summary_task);
        }
    }
  jh_plan_insert_section (summary, -1, work);

  activities = jh_section_new (JH_SECTION_KIND_OTHER, "全年活动完成情况");
  add_activities (activities, plan);
  jh_plan_insert_section (summary, -1, activities);

  next_year = jh_section_new (JH_SECTION_KIND_OTHER, "下一年工作思路");
  ideas = g_strdup_printf ("（写明%u年工作的总体思路和主要打算。）", year + 1);
  add_paragraph (next_year, ideas);
  jh_plan_insert_section (summary, -1, next_year);

  return g_steal_pointer (&summary);
}
