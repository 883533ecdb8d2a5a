/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

/* Builds a plan whose main tasks have the given timings and bodies; each
 * spec is "lead|timing|body".
 */
static JhPlan *
build_plan (guint               year,
            const char * const *specs)
{
  JhPlan *plan = jh_plan_new (year);
  g_autoptr(JhSection) tasks = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);

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

  jh_plan_insert_section (plan, -1, tasks);

  return plan;
}

static JhTimelineLayout *
layout_plan (JhPlan         *plan,
             JhTimelineZoom  zoom,
             guint           period,
             double          width)
{
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);

  return jh_timeline_layout_new (schedule, zoom, period, width, 30);
}

static double
x_for (JhTimelineLayout *layout,
       guint             year,
       GDateMonth        month,
       GDateDay          day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return jh_timeline_layout_x_for_date (layout, &date);
}

static const JhTimelineRow *
find_row (JhTimelineLayout *layout,
          const char       *lead)
{
  for (guint i = 0; i < jh_timeline_layout_get_n_rows (layout); i++)
    {
      const JhTimelineRow *row = jh_timeline_layout_get_row (layout, i);

      if (g_str_equal (row->label, lead))
        return row;
    }

  g_assert_not_reached ();
}

static const JhTimelineMark *
row_mark (JhTimelineLayout    *layout,
          const JhTimelineRow *row,
          guint                index_)
{
  g_assert_cmpuint (index_, <, row->n_marks);

  return jh_timeline_layout_get_mark (layout, row->first_mark + index_);
}

static void
assert_date (const GDate *date,
             guint        year,
             GDateMonth   month,
             GDateDay     day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, year);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_day (date), ==, day);
}

static void
test_geometry (void)
{
  const char * const specs[] = { "开展专题协商|5月中旬|", NULL };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhTimelineLayout) layout = layout_plan (plan, JH_TIMELINE_ZOOM_YEAR, 1, 1200);
  const JhTimelineRow *row = find_row (layout, "开展专题协商");
  const JhTimelineMark *mark = row_mark (layout, row, 0);
  GDate first, last;

  /* A year is 365 days across 1200: 5月11日 is the 131st day. */
  jh_timeline_layout_get_span (layout, &first, &last);
  assert_date (&first, 2027, 1, 1);
  assert_date (&last, 2027, 12, 31);
  g_assert_cmpfloat_with_epsilon (x_for (layout, 2027, 1, 1), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (x_for (layout, 2027, 5, 11), 130 * 1200.0 / 365, 1e-9);
  g_assert_cmpfloat_with_epsilon (x_for (layout, 2028, 1, 1), 1200.0, 1e-9);

  /* 5月中旬 runs from the start of 5月11日 to the start of 5月21日. */
  g_assert_cmpint (mark->kind, ==, JH_TIMELINE_MARK_BAR);
  g_assert_true (mark->editable);
  g_assert_false (mark->recurring);
  g_assert_cmpfloat_with_epsilon (mark->x1, x_for (layout, 2027, 5, 11), 1e-9);
  g_assert_cmpfloat_with_epsilon (mark->x2, x_for (layout, 2027, 5, 21), 1e-9);

  g_assert_cmpuint (row->depth, ==, 0);
  g_assert_cmpstr (row->numbering, ==, "（一）");
  g_assert_cmpstr (row->when, ==, "5月中旬");
  g_assert_cmpfloat (row->y, ==, 0);
  g_assert_cmpfloat (row->height, ==, 30);
  g_assert_cmpfloat (jh_timeline_layout_get_height (layout), ==, 30);
}

static void
test_cells (void)
{
  const char * const specs[] = { "a|全年|", NULL };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhTimelineLayout) year = layout_plan (plan, JH_TIMELINE_ZOOM_YEAR, 1, 1200);
  const JhTimelineCell *cell;

  g_assert_cmpuint (jh_timeline_layout_get_n_cells (year, JH_TIMELINE_UNIT_QUARTER), ==, 4);
  g_assert_cmpuint (jh_timeline_layout_get_n_cells (year, JH_TIMELINE_UNIT_MONTH), ==, 12);
  g_assert_cmpuint (jh_timeline_layout_get_n_cells (year, JH_TIMELINE_UNIT_XUN), ==, 36);

  cell = jh_timeline_layout_get_cell (year, JH_TIMELINE_UNIT_QUARTER, 0);
  g_assert_cmpstr (cell->label, ==, "第一季度");
  g_assert_cmpfloat (cell->x1, ==, 0);
  g_assert_cmpfloat_with_epsilon (cell->x2, x_for (year, 2027, 4, 1), 1e-9);

  cell = jh_timeline_layout_get_cell (year, JH_TIMELINE_UNIT_MONTH, 4);
  g_assert_cmpstr (cell->label, ==, "5月");
  g_assert_cmpuint (cell->number, ==, 5);

  /* 2月下旬 of 2027 has eight days; 1月下旬 eleven. */
  cell = jh_timeline_layout_get_cell (year, JH_TIMELINE_UNIT_XUN, 5);
  g_assert_cmpstr (cell->label, ==, "下旬");
  g_assert_cmpstr (cell->short_label, ==, "下");
  assert_date (&cell->start, 2027, 2, 21);
  assert_date (&cell->end, 2027, 2, 28);
  g_assert_cmpfloat_with_epsilon (cell->x2 - cell->x1, 8 * 1200.0 / 365, 1e-9);
  cell = jh_timeline_layout_get_cell (year, JH_TIMELINE_UNIT_XUN, 2);
  g_assert_cmpfloat_with_epsilon (cell->x2 - cell->x1, 11 * 1200.0 / 365, 1e-9);

  /* The cells of a band tile the axis. */
  for (JhTimelineUnit unit = JH_TIMELINE_UNIT_QUARTER; unit <= JH_TIMELINE_UNIT_XUN; unit++)
    {
      guint n = jh_timeline_layout_get_n_cells (year, unit);

      for (guint i = 1; i < n; i++)
        g_assert_cmpfloat (jh_timeline_layout_get_cell (year, unit, i - 1)->x2, ==,
                           jh_timeline_layout_get_cell (year, unit, i)->x1);
      g_assert_cmpfloat_with_epsilon (jh_timeline_layout_get_cell (year, unit, n - 1)->x2, 1200, 1e-9);
    }
}

static void
test_zoom_spans (void)
{
  const char * const specs[] = { "调研|4-10月|", NULL };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhTimelineLayout) half1 = layout_plan (plan, JH_TIMELINE_ZOOM_HALF, 1, 900);
  g_autoptr(JhTimelineLayout) half2 = layout_plan (plan, JH_TIMELINE_ZOOM_HALF, 2, 900);
  g_autoptr(JhTimelineLayout) quarter2 = layout_plan (plan, JH_TIMELINE_ZOOM_QUARTER, 2, 900);
  g_autoptr(JhTimelineLayout) quarter1 = layout_plan (plan, JH_TIMELINE_ZOOM_QUARTER, 1, 900);
  g_autofree char *label_half = jh_timeline_layout_dup_span_label (half1);
  g_autofree char *label_quarter = jh_timeline_layout_dup_span_label (quarter2);
  const JhTimelineMark *mark;
  GDate first, last;

  jh_timeline_layout_get_span (half1, &first, &last);
  assert_date (&first, 2027, 1, 1);
  assert_date (&last, 2027, 6, 30);
  g_assert_cmpstr (label_half, ==, "2027年上半年");
  g_assert_cmpuint (jh_timeline_layout_get_n_cells (half1, JH_TIMELINE_UNIT_QUARTER), ==, 2);
  g_assert_cmpuint (jh_timeline_layout_get_n_cells (half1, JH_TIMELINE_UNIT_MONTH), ==, 6);
  g_assert_cmpuint (jh_timeline_layout_get_n_cells (half1, JH_TIMELINE_UNIT_XUN), ==, 18);

  jh_timeline_layout_get_span (half2, &first, &last);
  assert_date (&first, 2027, 7, 1);
  assert_date (&last, 2027, 12, 31);
  g_assert_cmpstr (jh_timeline_layout_get_cell (half2, JH_TIMELINE_UNIT_QUARTER, 0)->label, ==, "第三季度");

  jh_timeline_layout_get_span (quarter2, &first, &last);
  assert_date (&first, 2027, 4, 1);
  assert_date (&last, 2027, 6, 30);
  g_assert_cmpstr (label_quarter, ==, "2027年第二季度");
  {
    g_autofree char *year = jh_timeline_format_span (2027, JH_TIMELINE_ZOOM_YEAR, 1);
    g_autofree char *fourth = jh_timeline_format_span (2027, JH_TIMELINE_ZOOM_QUARTER, 4);
    g_autofree char *second_half = jh_timeline_format_span (2028, JH_TIMELINE_ZOOM_HALF, 2);

    g_assert_cmpstr (year, ==, "2027年");
    g_assert_cmpstr (fourth, ==, "2027年第四季度");
    g_assert_cmpstr (second_half, ==, "2028年下半年");
  }
  g_assert_cmpuint (jh_timeline_layout_get_n_cells (quarter2, JH_TIMELINE_UNIT_MONTH), ==, 3);
  g_assert_cmpuint (jh_timeline_layout_get_n_cells (quarter2, JH_TIMELINE_UNIT_XUN), ==, 9);
  g_assert_cmpfloat_with_epsilon (x_for (quarter2, 2027, 5, 1), 30 * 900.0 / 91, 1e-9);

  /* 4-10月 seen in the first half: it goes on past the right edge. */
  mark = row_mark (half1, find_row (half1, "调研"), 0);
  g_assert_cmpfloat_with_epsilon (mark->x1, x_for (half1, 2027, 4, 1), 1e-9);
  g_assert_cmpfloat (mark->x2, ==, 900);
  g_assert_false (mark->clipped_start);
  g_assert_true (mark->clipped_end);

  /* In the second half it started before the left edge. */
  mark = row_mark (half2, find_row (half2, "调研"), 0);
  g_assert_cmpfloat (mark->x1, ==, 0);
  g_assert_true (mark->clipped_start);
  g_assert_false (mark->clipped_end);

  /* The first quarter does not show it at all; the row stays. */
  g_assert_cmpuint (find_row (quarter1, "调研")->n_marks, ==, 0);
}

static void
test_leap_year (void)
{
  const char * const specs[] = { "总结|2月下旬|", NULL };
  g_autoptr(JhPlan) plan = build_plan (2028, specs);
  g_autoptr(JhTimelineLayout) layout = layout_plan (plan, JH_TIMELINE_ZOOM_YEAR, 1, 1200);
  const JhTimelineMark *mark = row_mark (layout, find_row (layout, "总结"), 0);
  const JhTimelineCell *cell = jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_XUN, 5);
  GDate date, boundary;

  /* 366 days: 2028年3月1日 is the 61st. */
  g_assert_cmpfloat_with_epsilon (x_for (layout, 2028, 3, 1), 60 * 1200.0 / 366, 1e-9);
  g_assert_cmpfloat_with_epsilon (x_for (layout, 2029, 1, 1), 1200.0, 1e-9);

  /* 2月下旬 has nine days in a leap year and ends with 2月29日. */
  assert_date (&mark->range.end, 2028, 2, 29);
  g_assert_cmpfloat_with_epsilon (mark->x1, x_for (layout, 2028, 2, 21), 1e-9);
  g_assert_cmpfloat_with_epsilon (mark->x2, x_for (layout, 2028, 3, 1), 1e-9);
  assert_date (&cell->end, 2028, 2, 29);

  jh_timeline_layout_date_for_x (layout, x_for (layout, 2028, 2, 29) + 0.5, &date);
  assert_date (&date, 2028, 2, 29);
  jh_timeline_layout_snap_x (layout, x_for (layout, 2028, 2, 28), &boundary);
  assert_date (&boundary, 2028, 3, 1);
}

static void
test_snapping (void)
{
  const char * const specs[] = { "a|6月中旬|", NULL };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhTimelineLayout) layout = layout_plan (plan, JH_TIMELINE_ZOOM_YEAR, 1, 1200);
  GDate date, boundary;
  double x;

  jh_timeline_layout_date_for_x (layout, x_for (layout, 2027, 6, 12) + 0.1, &date);
  assert_date (&date, 2027, 6, 12);
  jh_timeline_layout_date_for_x (layout, -50, &date);
  assert_date (&date, 2027, 1, 1);
  jh_timeline_layout_date_for_x (layout, 5000, &date);
  assert_date (&date, 2027, 12, 31);

  /* 6月13日 is nearer 6月11日 than 6月21日. */
  x = jh_timeline_layout_snap_x (layout, x_for (layout, 2027, 6, 13), &boundary);
  assert_date (&boundary, 2027, 6, 11);
  g_assert_cmpfloat_with_epsilon (x, x_for (layout, 2027, 6, 11), 1e-9);
  jh_timeline_layout_snap_x (layout, x_for (layout, 2027, 6, 18), &boundary);
  assert_date (&boundary, 2027, 6, 21);

  /* The end of the year is a boundary too: the day after it. */
  x = jh_timeline_layout_snap_x (layout, 1199, &boundary);
  assert_date (&boundary, 2028, 1, 1);
  g_assert_cmpfloat (x, ==, 1200);
  x = jh_timeline_layout_snap_x (layout, -20, &boundary);
  assert_date (&boundary, 2027, 1, 1);
  g_assert_cmpfloat (x, ==, 0);
}

static void
test_mark_kinds (void)
{
  const char * const specs[] = {
    "提案|10月底以前|",
    "走访|春节和国庆|",
    "接待|每月|",
    "学习|6月中旬|一是3月中旬组织集中学习。",
    "未定|适时|",
    NULL
  };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhTimelineLayout) layout = layout_plan (plan, JH_TIMELINE_ZOOM_YEAR, 1, 1200);
  const JhTimelineRow *row;
  const JhTimelineMark *mark;

  /* A deadline: its due date ends the mark, the fade begins before. */
  row = find_row (layout, "提案");
  mark = row_mark (layout, row, 0);
  g_assert_cmpint (mark->kind, ==, JH_TIMELINE_MARK_DEADLINE);
  g_assert_true (mark->range.is_deadline);
  g_assert_true (mark->editable);
  g_assert_cmpfloat_with_epsilon (mark->x2, x_for (layout, 2027, 11, 1), 1e-9);
  g_assert_cmpfloat (mark->x1, <, x_for (layout, 2027, 10, 31));

  /* Single days are markers: 春节 2027 is 2月6日. */
  row = find_row (layout, "走访");
  g_assert_cmpuint (row->n_marks, ==, 2);
  mark = row_mark (layout, row, 0);
  g_assert_cmpint (mark->kind, ==, JH_TIMELINE_MARK_DAY);
  g_assert_cmpfloat_with_epsilon (mark->x1, x_for (layout, 2027, 2, 6), 1e-9);
  g_assert_cmpfloat_with_epsilon (mark->x2, x_for (layout, 2027, 2, 7), 1e-9);
  g_assert_cmpint (row_mark (layout, row, 1)->kind, ==, JH_TIMELINE_MARK_DAY);

  /* Each occurrence of 每月 is a bar of its own, not to be dragged. */
  row = find_row (layout, "接待");
  g_assert_cmpuint (row->n_marks, ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      mark = row_mark (layout, row, i);
      g_assert_cmpint (mark->kind, ==, JH_TIMELINE_MARK_BAR);
      g_assert_true (mark->recurring);
      g_assert_false (mark->editable);
    }

  /* A date found in the body is shown, but the body is not rewritten. */
  row = find_row (layout, "学习");
  g_assert_cmpuint (row->n_marks, ==, 2);
  g_assert_true (row_mark (layout, row, 0)->editable);
  mark = row_mark (layout, row, 1);
  g_assert_cmpint (jh_activity_get_source (mark->activity), ==, JH_ACTIVITY_SOURCE_BODY);
  g_assert_false (mark->editable);

  /* A task with no date is listed under the heading at the end. */
  row = jh_timeline_layout_get_row (layout, jh_timeline_layout_get_n_rows (layout) - 2);
  g_assert_cmpint (row->kind, ==, JH_TIMELINE_ROW_UNSCHEDULED);
  g_assert_null (row->task);
  row = jh_timeline_layout_get_row (layout, jh_timeline_layout_get_n_rows (layout) - 1);
  g_assert_cmpstr (row->label, ==, "未定");
  g_assert_true (row->unscheduled);
  g_assert_cmpuint (row->n_marks, ==, 0);
}

/* What both the widget and the exported image draw the same way. */
static void
test_drawing_rules (void)
{
  const char * const specs[] = {
    "走访|春节|",
    "接待|每月|",
    "调研|5-7月|",
    "学习|全年|",
    NULL
  };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhTimelineLayout) layout = layout_plan (plan, JH_TIMELINE_ZOOM_YEAR, 1, 1200);
  const JhTimelineRow *row;
  const JhTimelineMark *mark;
  double x1, x2, x;

  /* A quarter draws its own line, its first month and first 旬 do not;
   * the chart's left edge is nobody's.
   */
  g_assert_false (jh_timeline_cell_draws_line (jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_QUARTER, 0)));
  g_assert_true (jh_timeline_cell_draws_line (jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_QUARTER, 1)));
  g_assert_false (jh_timeline_cell_draws_line (jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_MONTH, 3)));
  g_assert_true (jh_timeline_cell_draws_line (jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_MONTH, 4)));
  g_assert_false (jh_timeline_cell_draws_line (jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_XUN, 3)));
  g_assert_true (jh_timeline_cell_draws_line (jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_XUN, 4)));

  /* What recurs or lasts all year is light; 5-7月 stands out. */
  g_assert_true (jh_timeline_mark_is_light (row_mark (layout, find_row (layout, "接待"), 0)));
  g_assert_true (jh_timeline_mark_is_light (row_mark (layout, find_row (layout, "学习"), 0)));
  g_assert_false (jh_timeline_mark_is_light (row_mark (layout, find_row (layout, "调研"), 0)));

  /* A day's diamond is wider than its day; a bar is as wide as it is. */
  row = find_row (layout, "走访");
  mark = row_mark (layout, row, 0);
  x1 = mark->x1;
  x2 = mark->x2;
  jh_timeline_mark_widen_day (mark, 30, &x1, &x2);
  g_assert_cmpfloat_with_epsilon (x2 - x1, 24, 1e-9);
  g_assert_cmpfloat_with_epsilon ((x1 + x2) / 2, (mark->x1 + mark->x2) / 2, 1e-9);
  mark = row_mark (layout, find_row (layout, "调研"), 0);
  x1 = mark->x1;
  x2 = mark->x2;
  jh_timeline_mark_widen_day (mark, 30, &x1, &x2);
  g_assert_cmpfloat (x1, ==, mark->x1);
  g_assert_cmpfloat (x2, ==, mark->x2);

  /* The words go after the marks, else before them, else nowhere. */
  g_assert_true (jh_timeline_place_beside (100, 200, 50, 8, 1000, &x));
  g_assert_cmpfloat (x, ==, 208);
  g_assert_true (jh_timeline_place_beside (900, 980, 50, 8, 1000, &x));
  g_assert_cmpfloat (x, ==, 842);
  g_assert_false (jh_timeline_place_beside (20, 980, 50, 8, 1000, &x));
}

static void
test_hit (void)
{
  const char * const specs[] = { "a|6月中旬|", "b|5月20日|", NULL };
  g_autoptr(JhPlan) plan = build_plan (2027, specs);
  g_autoptr(JhTimelineLayout) layout = layout_plan (plan, JH_TIMELINE_ZOOM_QUARTER, 2, 900);
  const JhTimelineRow *row = find_row (layout, "a");
  const JhTimelineMark *mark = row_mark (layout, row, 0);
  double y = row->y + row->height / 2;
  JhTimelineHit hit;

  g_assert_true (jh_timeline_layout_hit (layout, (mark->x1 + mark->x2) / 2, y, &hit));
  g_assert_cmpuint (hit.row, ==, 0);
  g_assert_cmpint (hit.mark, ==, (int) row->first_mark);
  g_assert_cmpint (hit.part, ==, JH_TIMELINE_PART_BODY);

  g_assert_true (jh_timeline_layout_hit (layout, mark->x1 + 2, y, &hit));
  g_assert_cmpint (hit.part, ==, JH_TIMELINE_PART_START);
  g_assert_true (jh_timeline_layout_hit (layout, mark->x2 - 2, y, &hit));
  g_assert_cmpint (hit.part, ==, JH_TIMELINE_PART_END);

  g_assert_true (jh_timeline_layout_hit (layout, mark->x2 + 40, y, &hit));
  g_assert_cmpint (hit.mark, ==, -1);
  g_assert_cmpint (hit.part, ==, JH_TIMELINE_PART_NONE);

  /* A day is hit a few pixels around, however narrow it is. */
  row = find_row (layout, "b");
  mark = row_mark (layout, row, 0);
  g_assert_true (jh_timeline_layout_hit (layout, (mark->x1 + mark->x2) / 2 + 4, row->y + 1, &hit));
  g_assert_cmpuint (hit.row, ==, 1);
  g_assert_cmpint (hit.part, ==, JH_TIMELINE_PART_BODY);

  g_assert_false (jh_timeline_layout_hit (layout, 10, 500, &hit));
  g_assert_false (jh_timeline_layout_hit (layout, 10, -1, &hit));
  g_assert_cmpint (jh_timeline_layout_get_row_at_y (layout, 45), ==, 1);
  g_assert_cmpint (jh_timeline_layout_find_row (layout, row->task), ==, 1);
  g_assert_cmpint (jh_timeline_layout_find_mark (layout, row->task, 0, 0), ==, (int) row->first_mark);
  g_assert_cmpint (jh_timeline_layout_find_mark (layout, row->task, 0, 1), ==, -1);
}

/* Moves the first range of @text by @n 旬 and writes the timing anew. */
static char *
move_text (const char *text,
           guint       range_index,
           int         n)
{
  g_autoptr(JhTiming) timing = jh_timing_parse (text, 2027, NULL);
  g_autoptr(JhTiming) reparsed = NULL;
  JhTimeRange moved;
  char *result;

  g_assert_nonnull (timing);
  if (!jh_timeline_range_move (jh_timing_get_range (timing, range_index), n, 2027, &moved))
    return NULL;

  result = jh_timeline_dup_timing_text (timing, range_index, &moved);

  /* What is written reads back as the same days. */
  reparsed = jh_timing_parse (result, 2027, NULL);
  g_assert_nonnull (reparsed);
  g_assert_cmpuint (jh_timing_get_n_ranges (reparsed), ==, jh_timing_get_n_ranges (timing));
  g_assert_cmpint (g_date_compare (&jh_timing_get_range (reparsed, range_index)->end, &moved.end), ==, 0);

  return result;
}

static void
assert_moved (const char *text,
              guint       range_index,
              int         n,
              const char *expected)
{
  g_autofree char *moved = move_text (text, range_index, n);

  g_assert_cmpstr (moved, ==, expected);
}

static void
test_move (void)
{
  assert_moved ("6月中旬", 0, 1, "6月下旬");
  assert_moved ("6月中旬", 0, -2, "5月下旬");
  assert_moved ("6月中旬", 0, 3, "7月中旬");
  assert_moved ("4月中、下旬", 0, 1, "4月下旬至5月上旬");
  assert_moved ("4-10月", 0, 1, "4月中旬至11月上旬");
  assert_moved ("第二季度", 0, -3, "3月至5月");
  assert_moved ("6月中旬和11月下旬", 0, 1, "6月下旬和11月下旬");
  assert_moved ("6月中旬和11月下旬", 1, -1, "6月中旬和11月中旬");

  /* Days stay days, at their place in the 旬. */
  assert_moved ("5月20日", 0, 1, "5月30日");
  assert_moved ("春节", 0, 1, "2月16日");
  assert_moved ("1月30日", 0, 1, "2月10日");

  /* A deadline moves its due date. */
  assert_moved ("10月底以前", 0, 1, "11月上旬前");
  assert_moved ("10月底以前", 0, -3, "9月底前");

  /* The year's ends stop a move. */
  assert_moved ("12月中旬", 0, 5, "12月下旬");
  assert_moved ("1月中旬", 0, -5, "1月上旬");
  g_assert_null (move_text ("12月下旬", 0, 1));
  g_assert_null (move_text ("全年", 0, 1));
  g_assert_null (move_text ("6月中旬", 0, 0));
}

static void
test_resize (void)
{
  g_autoptr(JhTiming) timing = jh_timing_parse ("6月中旬", 2027, NULL);
  const JhTimeRange *range = jh_timing_get_range (timing, 0);
  JhTimeRange resized;
  g_autofree char *later_end = NULL;
  g_autofree char *earlier_start = NULL;
  GDate boundary;

  g_date_clear (&boundary, 1);

  g_date_set_dmy (&boundary, 1, 7, 2027);
  g_assert_true (jh_timeline_range_resize (range, JH_TIMELINE_PART_END, &boundary, 2027, &resized));
  later_end = jh_timeline_dup_timing_text (timing, 0, &resized);
  g_assert_cmpstr (later_end, ==, "6月中旬至下旬");

  g_date_set_dmy (&boundary, 1, 6, 2027);
  g_assert_true (jh_timeline_range_resize (range, JH_TIMELINE_PART_START, &boundary, 2027, &resized));
  earlier_start = jh_timeline_dup_timing_text (timing, 0, &resized);
  g_assert_cmpstr (earlier_start, ==, "6月上旬至中旬");

  /* A bar keeps one 旬 at least: its end cannot pass its start. */
  g_date_set_dmy (&boundary, 1, 5, 2027);
  g_assert_false (jh_timeline_range_resize (range, JH_TIMELINE_PART_END, &boundary, 2027, &resized));
  g_date_set_dmy (&boundary, 1, 9, 2027);
  g_assert_false (jh_timeline_range_resize (range, JH_TIMELINE_PART_START, &boundary, 2027, &resized));

  /* The day after the year is where the last 旬 ends. */
  g_date_set_dmy (&boundary, 1, 1, 2028);
  g_assert_true (jh_timeline_range_resize (range, JH_TIMELINE_PART_END, &boundary, 2027, &resized));
  assert_date (&resized.end, 2027, 12, 31);
}

static void
test_count_xun (void)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, 12, 6, 2027);
  g_date_set_dmy (&b, 19, 6, 2027);
  g_assert_cmpint (jh_timeline_count_xun (&a, &b), ==, 0);
  g_date_set_dmy (&b, 21, 6, 2027);
  g_assert_cmpint (jh_timeline_count_xun (&a, &b), ==, 1);
  g_date_set_dmy (&b, 5, 6, 2027);
  g_assert_cmpint (jh_timeline_count_xun (&a, &b), ==, -1);
  g_date_set_dmy (&b, 31, 5, 2027);
  g_assert_cmpint (jh_timeline_count_xun (&a, &b), ==, -2);
  g_date_set_dmy (&b, 1, 1, 2028);
  g_assert_cmpint (jh_timeline_count_xun (&a, &b), ==, 20);
}

static void
test_sample_plan (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
  g_autoptr(JhTimelineLayout) layout = jh_timeline_layout_new (schedule, JH_TIMELINE_ZOOM_YEAR, 1, 1000, 28);
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  const JhTimelineRow *row;
  guint n_tasks = 0;

  /* Every task of the schedule has a row, and the sub-tasks follow
   * their main task, one level deeper.
   */
  row = jh_timeline_layout_get_row (layout, 1);
  g_assert_cmpstr (row->numbering, ==, "（一）");
  g_assert_cmpstr (row->label, ==, "加强理论学习，提高履职能力");
  row = find_row (layout, "办好“有事好商量”协商议事活动");
  g_assert_cmpuint (row->depth, ==, 1);
  g_assert_cmpstr (row->numbering, ==, "1.");

  /* The safeguards' dated tasks are there too, under their section's
   * heading, as the main tasks are under theirs.
   */
  for (guint i = 0; i < jh_timeline_layout_get_n_rows (layout); i++)
    {
      row = jh_timeline_layout_get_row (layout, i);
      if (row->kind == JH_TIMELINE_ROW_TASK)
        n_tasks++;
      else if (row->kind == JH_TIMELINE_ROW_SECTION)
        g_ptr_array_add (headings, g_strconcat (row->numbering, row->label, NULL));
    }
  g_assert_cmpuint (n_tasks, ==, jh_schedule_get_tasks (schedule)->len);
  g_assert_cmpuint (headings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (headings, 0), ==, "三、主要任务");
  g_assert_cmpstr (g_ptr_array_index (headings, 1), ==, "五、保障措施");
  g_assert_cmpint (jh_timeline_layout_get_row (layout, 0)->kind, ==, JH_TIMELINE_ROW_SECTION);

  for (GDateMonth month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      g_assert_cmpuint (jh_timeline_layout_get_workload (layout, month), ==,
                        jh_schedule_count_in_month (schedule, month));
      g_assert_cmpuint (jh_timeline_layout_get_workload (layout, month), <=,
                        jh_timeline_layout_get_max_workload (layout));
    }
  g_assert_cmpuint (jh_timeline_layout_get_max_workload (layout), >, 0);
}

static void
test_many_tasks (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  g_autoptr(JhSchedule) schedule = NULL;
  g_autoptr(JhTimelineLayout) layout = NULL;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *lead = g_strdup_printf ("任务%u", i);
      g_autofree char *timing = g_strdup_printf ("%u月%s", i % 12 + 1, i % 2 ? "中旬" : "下旬");
      g_autoptr(JhTask) task = jh_task_new (lead);

      jh_task_set_timing (task, timing);
      jh_section_insert_task (section, -1, task);
    }
  jh_plan_insert_section (plan, -1, section);

  schedule = jh_schedule_new (plan);
  layout = jh_timeline_layout_new (schedule, JH_TIMELINE_ZOOM_YEAR, 1, 1000, 28);
  g_assert_cmpuint (jh_timeline_layout_get_n_rows (layout), ==, 500);
  g_assert_cmpuint (jh_timeline_layout_get_n_marks (layout), ==, 500);
  g_assert_cmpint (jh_timeline_layout_get_row_at_y (layout, 28 * 499 + 1), ==, 499);
  g_assert_cmpint (jh_timeline_layout_get_row_at_y (layout, 28 * 500), ==, -1);
  g_assert_cmpstr (jh_timeline_layout_get_row (layout, 499)->label, ==, "任务499");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/timeline-layout/geometry", test_geometry);
  g_test_add_func ("/jihua/timeline-layout/cells", test_cells);
  g_test_add_func ("/jihua/timeline-layout/zoom-spans", test_zoom_spans);
  g_test_add_func ("/jihua/timeline-layout/leap-year", test_leap_year);
  g_test_add_func ("/jihua/timeline-layout/snapping", test_snapping);
  g_test_add_func ("/jihua/timeline-layout/mark-kinds", test_mark_kinds);
  g_test_add_func ("/jihua/timeline-layout/drawing-rules", test_drawing_rules);
  g_test_add_func ("/jihua/timeline-layout/hit", test_hit);
  g_test_add_func ("/jihua/timeline-layout/move", test_move);
  g_test_add_func ("/jihua/timeline-layout/resize", test_resize);
  g_test_add_func ("/jihua/timeline-layout/count-xun", test_count_xun);
  g_test_add_func ("/jihua/timeline-layout/sample-plan", test_sample_plan);
  g_test_add_func ("/jihua/timeline-layout/many-tasks", test_many_tasks);

  return g_test_run ();
}
