/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

/* Builds a plan whose main tasks have the given timings and bodies. */
static JhPlan *
build_plan (guint               year,
            const char * const *specs)
{
  JhPlan *plan = jh_plan_new (year);
  g_autoptr(JhSection) tasks = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  g_autoptr(JhSection) safeguards = jh_section_new (JH_SECTION_KIND_SAFEGUARDS, NULL);
  g_autoptr(JhTask) funding = jh_task_new ("落实工作经费");

  /* Each spec is "lead|timing|body". */
  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (specs[i], "|", 3);
      g_autoptr(JhTask) task = jh_task_new (parts[0]);

      jh_task_set_timing (task, parts[1]);
      if (parts[2] != NULL && *parts[2] != '\0')
        {
          g_autoptr(JhParagraph) paragraph = jh_paragraph_new (parts[2]);

          jh_task_insert_paragraph (task, -1, paragraph);
        }
      jh_section_insert_task (tasks, -1, task);
    }

  /* A safeguard without a date is not missing one. */
  jh_section_insert_task (safeguards, -1, funding);
  jh_plan_insert_section (plan, -1, tasks);
  jh_plan_insert_section (plan, -1, safeguards);

  return plan;
}

static JhTask *
find_task (JhSchedule *schedule,
           const char *lead)
{
  GPtrArray *tasks = jh_schedule_get_tasks (schedule);

  for (guint i = 0; i < tasks->len; i++)
    if (g_str_equal (jh_task_get_lead (g_ptr_array_index (tasks, i)), lead))
      return g_ptr_array_index (tasks, i);

  g_assert_not_reached ();
}

static void
test_sample_plan (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
  GPtrArray *tasks = jh_schedule_get_tasks (schedule);
  guint total = 0;

  g_assert_cmpuint (jh_schedule_get_year (schedule), ==, 2027);
  g_assert_cmpuint (tasks->len, >=, 8);

  /* Every main task of the sample states when it is done, and every
   * timing of the sample is understood.
   */
  g_assert_cmpuint (jh_schedule_get_unscheduled (schedule)->len, ==, 0);
  g_assert_cmpuint (jh_schedule_get_outside_year (schedule)->len, ==, 0);
  for (guint i = 0; i < tasks->len; i++)
    {
      JhTask *task = g_ptr_array_index (tasks, i);

      if (*jh_task_get_timing (task) != '\0')
        {
          GPtrArray *activities = jh_schedule_get_activities (schedule, task);
          JhActivity *first;

          g_assert_cmpuint (activities->len, >=, 1);
          first = g_ptr_array_index (activities, 0);
          g_assert_cmpint (jh_activity_get_source (first), ==, JH_ACTIVITY_SOURCE_TIMING);
          g_assert_cmpstr (jh_timing_get_text (jh_activity_get_timing (first)), ==, jh_task_get_timing (task));
        }
    }

  for (GDateMonth month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      g_assert_cmpuint (jh_schedule_count_in_month (schedule, month), >, 0);
      total += jh_schedule_count_in_month (schedule, month);
    }
  g_assert_cmpuint (total, >, 12);
  g_assert_false (jh_schedule_is_concentrated (schedule, NULL));
}

static void
test_activities_from_body (void)
{
  const char * const specs[] = {
    "开展专题调研|第二季度|4月中旬，组织委员赴社区调研；6月底前形成调研报告。",
    "做好社情民意信息工作|每月|每月报送社情民意信息。",
    "组织委员视察||5月中旬，组织委员视察重点项目。",
    NULL
  };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
  GPtrArray *activities;
  JhActivity *activity;

  /* The body restates the quarter: nothing more than the timing field. */
  activities = jh_schedule_get_activities (schedule, find_task (schedule, "开展专题调研"));
  g_assert_cmpuint (activities->len, ==, 1);

  /* "每月" in both is one activity. */
  activities = jh_schedule_get_activities (schedule, find_task (schedule, "做好社情民意信息工作"));
  g_assert_cmpuint (activities->len, ==, 1);
  g_assert_cmpint (jh_timing_get_recurrence (jh_activity_get_timing (g_ptr_array_index (activities, 0))),
                   ==, JH_TIME_RECURRENCE_MONTHLY);

  /* A task with no timing field is scheduled by its body. */
  activities = jh_schedule_get_activities (schedule, find_task (schedule, "组织委员视察"));
  g_assert_cmpuint (activities->len, ==, 1);
  activity = g_ptr_array_index (activities, 0);
  g_assert_cmpint (jh_activity_get_source (activity), ==, JH_ACTIVITY_SOURCE_BODY);
  g_assert_cmpint (jh_activity_get_char_offset (activity), ==, 0);
  g_assert_cmpint (jh_activity_get_char_length (activity), ==, 4);
  g_assert_nonnull (jh_activity_get_paragraph (activity));

  /* The safeguard without a date is not on the timeline. */
  g_assert_cmpuint (jh_schedule_get_tasks (schedule)->len, ==, 3);
  g_assert_cmpuint (jh_schedule_get_unscheduled (schedule)->len, ==, 0);
}

static void
test_schedule_facts (void)
{
  const char * const specs[] = {
    "开展专题调研|10月中旬|",
    "组织委员视察|11月|",
    "召开协商议事会|12月上旬|",
    "总结全年工作||",
    "走访困难群众|2026年12月|",
    NULL
  };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
  GPtrArray *unscheduled = jh_schedule_get_unscheduled (schedule);
  GPtrArray *outside = jh_schedule_get_outside_year (schedule);
  guint quarter = 0;

  g_assert_cmpuint (unscheduled->len, ==, 1);
  g_assert_cmpstr (jh_task_get_lead (g_ptr_array_index (unscheduled, 0)), ==, "总结全年工作");

  g_assert_cmpuint (outside->len, ==, 1);
  g_assert_cmpstr (jh_task_get_lead (jh_activity_get_task (g_ptr_array_index (outside, 0))), ==, "走访困难群众");

  /* The work of the plan year is all in the fourth quarter, but the
   * activity of another year spoils the count: remove it and look again.
   */
  g_assert_false (jh_schedule_is_concentrated (schedule, NULL));
  {
    JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
    g_autoptr(JhTask) last = g_list_model_get_item (jh_section_get_tasks (section), 4);
    g_autoptr(JhSchedule) again = NULL;

    jh_section_remove_task (section, last);
    again = jh_schedule_new (plan);
    g_assert_true (jh_schedule_is_concentrated (again, &quarter));
    g_assert_cmpuint (quarter, ==, 4);
    g_assert_cmpuint (jh_schedule_count_in_quarter (again, 4), ==, 3);
    g_assert_cmpuint (jh_schedule_count_in_quarter (again, 1), ==, 0);
    g_assert_cmpuint (jh_schedule_count_in_month (again, G_DATE_NOVEMBER), ==, 1);
  }
}

static void
test_unscheduled_order (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  g_autoptr(JhTask) parent = jh_task_new ("加强自身建设");
  g_autoptr(JhTask) child = jh_task_new ("完善学习制度");
  g_autoptr(JhTask) dated = jh_task_new ("开展专题调研");
  g_autoptr(JhSchedule) schedule = NULL;
  GPtrArray *unscheduled;

  jh_task_insert_subtask (parent, -1, child);
  jh_task_set_timing (dated, "5月");
  jh_section_insert_task (section, -1, parent);
  jh_section_insert_task (section, -1, dated);
  jh_plan_insert_section (plan, -1, section);

  schedule = jh_schedule_new (plan);
  unscheduled = jh_schedule_get_unscheduled (schedule);

  /* Document order: the task, then its sub-task. */
  g_assert_cmpuint (unscheduled->len, ==, 2);
  g_assert_true (g_ptr_array_index (unscheduled, 0) == parent);
  g_assert_true (g_ptr_array_index (unscheduled, 1) == child);

  /* A dated sub-task schedules its parent. */
  jh_task_set_timing (child, "6月");
  g_clear_object (&schedule);
  schedule = jh_schedule_new (plan);
  g_assert_cmpuint (jh_schedule_get_unscheduled (schedule)->len, ==, 0);
}

static char *
join_paragraphs (GPtrArray *paragraphs)
{
  g_ptr_array_add (paragraphs, NULL);

  return g_strjoinv ("\n", (char **) paragraphs->pdata);
}

static void
test_format (void)
{
  const char * const specs[] = {
    "加强理论学习，提高履职能力|每季度|",
    "开展专题调研。|5月中旬|",
    "组织委员视察|3月下旬|",
    "召开协商议事会|6月中旬和11月下旬|",
    "提交调研报告|10月底以前|",
    NULL
  };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
  g_autoptr(GPtrArray) by_quarter = jh_schedule_format (schedule, JH_SCHEDULE_STYLE_BY_QUARTER);
  g_autoptr(GPtrArray) by_month = jh_schedule_format (schedule, JH_SCHEDULE_STYLE_BY_MONTH);
  g_autofree char *quarter_text = join_paragraphs (by_quarter);
  g_autofree char *month_text = join_paragraphs (by_month);

  g_assert_cmpstr (quarter_text, ==,
                   "全年：每季度，加强理论学习，提高履职能力。\n"
                   "第一季度：3月下旬，组织委员视察。\n"
                   "第二季度：5月中旬，开展专题调研；6月中旬，召开协商议事会。\n"
                   "第四季度：10月底前，提交调研报告；11月下旬，召开协商议事会。");

  g_assert_cmpstr (month_text, ==,
                   "全年：每季度，加强理论学习，提高履职能力。\n"
                   "三月份：1、3月下旬，组织委员视察。\n"
                   "五月份：1、5月中旬，开展专题调研。\n"
                   "六月份：1、6月中旬，召开协商议事会。\n"
                   "十月份：1、10月底前，提交调研报告。\n"
                   "十一月份：1、11月下旬，召开协商议事会。");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/schedule/sample-plan", test_sample_plan);
  g_test_add_func ("/jihua/schedule/activities-from-body", test_activities_from_body);
  g_test_add_func ("/jihua/schedule/facts", test_schedule_facts);
  g_test_add_func ("/jihua/schedule/unscheduled-order", test_unscheduled_order);
  g_test_add_func ("/jihua/schedule/format", test_format);

  return g_test_run ();
}
