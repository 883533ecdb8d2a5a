/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <math.h>

#include "jh-section.h"
#include "jh-timeline-layout.h"

/**
 * JhTimelineLayout:
 *
 * Where things go on the quarterly timeline, computed once from a
 * schedule, a zoom and a size: the header's quarters, months and 旬,
 * one row per task, one mark per range of each activity, the workload
 * of each month.  The timeline widget and the exporter draw the same
 * layout, so that what is printed is what is on screen, and the tests
 * check the geometry without a display.
 *
 * Time runs left to right in proportion to days: a 旬 of eleven days is
 * wider than one of eight, as it is longer.  A mark runs from the start
 * of its first day to the end of its last, so 5月中旬 ends where 5月21日
 * starts.
 */

struct _JhTimelineLayout
{
  JhSchedule     *schedule;
  guint           year;
  JhTimelineZoom  zoom;
  guint           period;
  double          width;
  double          row_height;

  GDate           first;
  GDate           last;
  guint           n_days;

  GArray         *cells[3];
  GArray         *rows;
  GArray         *marks;
  GHashTable     *row_by_task;

  guint           workload[12];
  guint           max_workload;
};

G_DEFINE_BOXED_TYPE (JhTimelineLayout, jh_timeline_layout,
                     jh_timeline_layout_ref, jh_timeline_layout_unref)

static const char * const quarter_labels[] = {
  "第一季度", "第二季度", "第三季度", "第四季度"
};

static const char * const quarter_short_labels[] = {
  "一季度", "二季度", "三季度", "四季度"
};

static const char * const month_labels[] = {
  "1月", "2月", "3月", "4月", "5月", "6月",
  "7月", "8月", "9月", "10月", "11月", "12月"
};

static const char * const xun_labels[] = { "上旬", "中旬", "下旬" };
static const char * const xun_short_labels[] = { "上", "中", "下" };

/* 旬 arithmetic.  A 旬 is numbered from the first of the plan year
 * (1月上旬 is 0, 12月下旬 is 35), on into the years around it, so that
 * moving by n 旬 is adding n.
 */

static guint
xun_of_day (guint day)
{
  return day <= 10 ? 0 : day <= 20 ? 1 : 2;
}

static int
xun_index (const GDate *date,
           guint        year)
{
  return ((int) g_date_get_year (date) - (int) year) * 36 +
         ((int) g_date_get_month (date) - 1) * 3 +
         (int) xun_of_day (g_date_get_day (date));
}

static void
xun_bounds (int    index_,
            guint  year,
            GDate *first,
            GDate *last)
{
  int years = index_ >= 0 ? index_ / 36 : -((35 - index_) / 36);
  int rest = index_ - years * 36;
  GDateYear y = year + years;
  GDateMonth month = rest / 3 + 1;
  guint xun = rest % 3;

  if (first != NULL)
    {
      g_date_clear (first, 1);
      g_date_set_dmy (first, xun * 10 + 1, month, y);
    }

  if (last != NULL)
    {
      g_date_clear (last, 1);
      g_date_set_dmy (last, xun < 2 ? (xun + 1) * 10 : g_date_get_days_in_month (month, y), month, y);
    }
}

static guint
days_between (const GDate *from,
              const GDate *to)
{
  return g_date_get_julian (to) - g_date_get_julian (from);
}

static void
row_clear (gpointer data)
{
  JhTimelineRow *row = data;

  g_clear_object (&row->task);
  g_clear_pointer (&row->numbering, g_free);
  g_clear_pointer (&row->label, g_free);
  g_clear_pointer (&row->when, g_free);
}

static void
mark_clear (gpointer data)
{
  JhTimelineMark *mark = data;

  g_clear_pointer (&mark->activity, jh_activity_unref);
}

static void
jh_timeline_layout_clear (JhTimelineLayout *self)
{
  g_clear_object (&self->schedule);
  for (guint i = 0; i < G_N_ELEMENTS (self->cells); i++)
    g_clear_pointer (&self->cells[i], g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->row_by_task, g_hash_table_unref);
}

static void
set_span (JhTimelineLayout *self)
{
  GDateMonth first_month = G_DATE_JANUARY;
  GDateMonth last_month = G_DATE_DECEMBER;

  switch (self->zoom)
    {
    case JH_TIMELINE_ZOOM_HALF:
      first_month = self->period == 1 ? 1 : 7;
      last_month = first_month + 5;
      break;

    case JH_TIMELINE_ZOOM_QUARTER:
      first_month = self->period * 3 - 2;
      last_month = first_month + 2;
      break;

    case JH_TIMELINE_ZOOM_YEAR:
    default:
      break;
    }

  g_date_clear (&self->first, 1);
  g_date_set_dmy (&self->first, 1, first_month, self->year);
  g_date_clear (&self->last, 1);
  g_date_set_dmy (&self->last, g_date_get_days_in_month (last_month, self->year),
                  last_month, self->year);
  self->n_days = days_between (&self->first, &self->last) + 1;
}

static void
add_cell (JhTimelineLayout *self,
          JhTimelineUnit    unit,
          guint             number,
          const GDate      *first,
          const GDate      *last,
          const char       *label,
          const char       *short_label)
{
  JhTimelineCell cell = { 0, };
  GDate after;

  /* Only what shows: a quarter zoom has no other quarters. */
  if (g_date_compare (last, &self->first) < 0 || g_date_compare (first, &self->last) > 0)
    return;

  cell.unit = unit;
  cell.number = number;
  cell.start = g_date_compare (first, &self->first) < 0 ? self->first : *first;
  cell.end = g_date_compare (last, &self->last) > 0 ? self->last : *last;
  after = cell.end;
  g_date_add_days (&after, 1);
  cell.x1 = jh_timeline_layout_x_for_date (self, &cell.start);
  cell.x2 = jh_timeline_layout_x_for_date (self, &after);
  cell.label = label;
  cell.short_label = short_label;

  g_array_append_val (self->cells[unit], cell);
}

static void
add_cells (JhTimelineLayout *self)
{
  for (guint quarter = 1; quarter <= 4; quarter++)
    {
      GDate first, last;

      xun_bounds ((quarter - 1) * 9, self->year, &first, NULL);
      xun_bounds (quarter * 9 - 1, self->year, NULL, &last);
      add_cell (self, JH_TIMELINE_UNIT_QUARTER, quarter, &first, &last,
                quarter_labels[quarter - 1], quarter_short_labels[quarter - 1]);
    }

  for (guint month = 1; month <= 12; month++)
    {
      GDate first, last;

      xun_bounds ((month - 1) * 3, self->year, &first, NULL);
      xun_bounds (month * 3 - 1, self->year, NULL, &last);
      add_cell (self, JH_TIMELINE_UNIT_MONTH, month, &first, &last,
                month_labels[month - 1], month_labels[month - 1]);
    }

  for (int index_ = 0; index_ < 36; index_++)
    {
      GDate first, last;

      xun_bounds (index_, self->year, &first, &last);
      add_cell (self, JH_TIMELINE_UNIT_XUN, index_ % 3 + 1, &first, &last,
                xun_labels[index_ % 3], xun_short_labels[index_ % 3]);
    }
}

/* Places one range of an activity; a range the span does not show gets
 * no mark.
 */
static void
add_mark (JhTimelineLayout *self,
          JhTimelineRow    *row,
          JhActivity       *activity,
          guint             range_index)
{
  JhTiming *timing = jh_activity_get_timing (activity);
  const JhTimeRange *range = jh_timing_get_range (timing, range_index);
  JhTimelineMark mark = { 0, };
  GDate start, end, after;

  jh_time_range_get_end (range, &end);
  if (!jh_time_range_get_start (range, &start))
    {
      /* A month before the due date is when the work shows; the fade
       * says so without claiming a start the plan does not give.
       */
      start = end;
      g_date_subtract_months (&start, 1);
      g_date_add_days (&start, 1);
      mark.kind = JH_TIMELINE_MARK_DEADLINE;
    }
  else if (g_date_compare (&start, &end) == 0)
    {
      mark.kind = JH_TIMELINE_MARK_DAY;
    }
  else
    {
      mark.kind = JH_TIMELINE_MARK_BAR;
    }

  if (g_date_compare (&end, &self->first) < 0 || g_date_compare (&start, &self->last) > 0)
    return;

  /* A fade with its due date out of sight would point at nothing. */
  if (mark.kind == JH_TIMELINE_MARK_DEADLINE && g_date_compare (&end, &self->last) > 0)
    return;

  mark.activity = jh_activity_ref (activity);
  mark.range_index = range_index;
  mark.range = *range;
  mark.recurring = jh_timing_get_recurrence (timing) != JH_TIME_RECURRENCE_NONE;
  mark.editable = jh_activity_get_source (activity) == JH_ACTIVITY_SOURCE_TIMING &&
                  !mark.recurring &&
                  !jh_timing_get_outside_plan_year (timing);
  mark.clipped_start = g_date_compare (&start, &self->first) < 0;
  mark.clipped_end = g_date_compare (&end, &self->last) > 0;

  after = end;
  g_date_add_days (&after, 1);
  mark.x1 = MAX (jh_timeline_layout_x_for_date (self, &start), 0.0);
  mark.x2 = MIN (jh_timeline_layout_x_for_date (self, &after), self->width);

  g_array_append_val (self->marks, mark);
  row->n_marks++;
}

static JhTimelineRow *
append_row (JhTimelineLayout  *self,
            JhTimelineRowKind  kind,
            gboolean           unscheduled)
{
  JhTimelineRow row = { 0, };

  row.kind = kind;
  row.unscheduled = unscheduled;
  row.y = self->rows->len * self->row_height;
  row.height = self->row_height;
  row.first_mark = self->marks->len;
  g_array_append_val (self->rows, row);

  return &g_array_index (self->rows, JhTimelineRow, self->rows->len - 1);
}

static void
add_heading_row (JhTimelineLayout  *self,
                 JhTimelineRowKind  kind,
                 JhSection         *section)
{
  JhTimelineRow *row = append_row (self, kind, kind == JH_TIMELINE_ROW_UNSCHEDULED);
  char *numbering = section != NULL ? jh_section_dup_numbering (section) : NULL;

  row->numbering = numbering != NULL ? numbering : g_strdup ("");
  if (section == NULL)
    row->label = g_strdup ("");
  else if (*jh_section_get_title (section) != '\0')
    row->label = g_strdup (jh_section_get_title (section));
  else
    row->label = g_strdup (jh_section_kind_get_title (jh_section_get_kind (section)));
  row->when = g_strdup ("");
}

static void
add_task_row (JhTimelineLayout *self,
              JhTask           *task,
              gboolean          unscheduled)
{
  GPtrArray *activities = jh_schedule_get_activities (self->schedule, task);
  JhTimelineRow *row;

  g_hash_table_insert (self->row_by_task, task, GUINT_TO_POINTER (self->rows->len));
  row = append_row (self, JH_TIMELINE_ROW_TASK, unscheduled);
  row->task = g_object_ref (task);
  row->depth = jh_task_get_depth (task) - 1;
  row->numbering = jh_task_dup_numbering (task);
  row->label = g_strdup (jh_task_get_lead (task));

  /* Copied, as all the layout holds, so that a thread may draw it
   * while the plan is edited.
   */
  if (*jh_task_get_timing (task) != '\0')
    row->when = g_strdup (jh_task_get_timing (task));
  else if (activities != NULL && activities->len > 0)
    row->when = g_strdup (jh_timing_get_text (jh_activity_get_timing (g_ptr_array_index (activities, 0))));
  else
    row->when = g_strdup ("");

  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      JhActivity *activity = g_ptr_array_index (activities, i);
      JhTiming *timing = jh_activity_get_timing (activity);

      for (guint j = 0; j < jh_timing_get_n_ranges (timing); j++)
        add_mark (self, row, activity, j);
    }
}

static void
add_rows (JhTimelineLayout *self)
{
  GPtrArray *tasks = jh_schedule_get_tasks (self->schedule);
  GPtrArray *unscheduled = jh_schedule_get_unscheduled (self->schedule);
  g_autoptr(GHashTable) is_unscheduled = g_hash_table_new (NULL, NULL);
  JhSection *first_section = NULL;
  JhSection *section = NULL;
  gboolean several_sections = FALSE;

  for (guint i = 0; i < unscheduled->len; i++)
    g_hash_table_add (is_unscheduled, g_ptr_array_index (unscheduled, i));

  /* Numbering starts again in each section: when the safeguards'
   * tasks with dates follow the main tasks, a heading says whose （一）
   * is whose.
   */
  for (guint i = 0; i < tasks->len && !several_sections; i++)
    {
      JhTask *task = g_ptr_array_index (tasks, i);

      if (g_hash_table_contains (is_unscheduled, task))
        continue;
      if (first_section == NULL)
        first_section = jh_task_get_section (task);
      else
        several_sections = jh_task_get_section (task) != first_section;
    }

  /* The tasks with dates keep their order and their grouping under
   * their main task; those without any follow under a heading of their
   * own, where they are a list of what still needs a date.
   */
  for (guint i = 0; i < tasks->len; i++)
    {
      JhTask *task = g_ptr_array_index (tasks, i);

      if (g_hash_table_contains (is_unscheduled, task))
        continue;

      if (several_sections && jh_task_get_section (task) != section)
        {
          section = jh_task_get_section (task);
          add_heading_row (self, JH_TIMELINE_ROW_SECTION, section);
        }
      add_task_row (self, task, FALSE);
    }

  if (unscheduled->len > 0)
    {
      add_heading_row (self, JH_TIMELINE_ROW_UNSCHEDULED, NULL);
      for (guint i = 0; i < unscheduled->len; i++)
        add_task_row (self, g_ptr_array_index (unscheduled, i), TRUE);
    }
}

/**
 * jh_timeline_layout_new:
 * @schedule: the schedule to lay out
 * @zoom: how much of the year to show
 * @period: which half (1, 2) or quarter (1–4); ignored for a year
 * @width: the width of the time axis, from the start of the span to its
 *   end; the column of task names is not part of it
 * @row_height: the height of a row
 *
 * Returns: (transfer full): the layout
 */
JhTimelineLayout *
jh_timeline_layout_new (JhSchedule     *schedule,
                        JhTimelineZoom  zoom,
                        guint           period,
                        double          width,
                        double          row_height)
{
  JhTimelineLayout *self;

  g_return_val_if_fail (JH_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (zoom <= JH_TIMELINE_ZOOM_QUARTER, NULL);
  g_return_val_if_fail (zoom != JH_TIMELINE_ZOOM_HALF || (period >= 1 && period <= 2), NULL);
  g_return_val_if_fail (zoom != JH_TIMELINE_ZOOM_QUARTER || (period >= 1 && period <= 4), NULL);
  g_return_val_if_fail (width > 0 && row_height > 0, NULL);

  self = g_atomic_rc_box_new0 (JhTimelineLayout);
  self->schedule = g_object_ref (schedule);
  self->year = jh_schedule_get_year (schedule);
  self->zoom = zoom;
  self->period = zoom == JH_TIMELINE_ZOOM_YEAR ? 1 : period;
  self->width = width;
  self->row_height = row_height;

  for (guint i = 0; i < G_N_ELEMENTS (self->cells); i++)
    self->cells[i] = g_array_new (FALSE, TRUE, sizeof (JhTimelineCell));
  self->rows = g_array_new (FALSE, TRUE, sizeof (JhTimelineRow));
  g_array_set_clear_func (self->rows, row_clear);
  self->marks = g_array_new (FALSE, TRUE, sizeof (JhTimelineMark));
  g_array_set_clear_func (self->marks, mark_clear);
  self->row_by_task = g_hash_table_new (NULL, NULL);

  set_span (self);
  add_cells (self);
  add_rows (self);

  for (GDateMonth month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      self->workload[month - 1] = jh_schedule_count_in_month (schedule, month);
      self->max_workload = MAX (self->max_workload, self->workload[month - 1]);
    }

  return self;
}

JhTimelineLayout *
jh_timeline_layout_ref (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
jh_timeline_layout_unref (JhTimelineLayout *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) jh_timeline_layout_clear);
}

/**
 * jh_timeline_layout_get_schedule:
 * @self: a #JhTimelineLayout
 *
 * Returns: (transfer none): the schedule laid out
 */
JhSchedule *
jh_timeline_layout_get_schedule (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->schedule;
}

guint
jh_timeline_layout_get_year (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->year;
}

JhTimelineZoom
jh_timeline_layout_get_zoom (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, JH_TIMELINE_ZOOM_YEAR);

  return self->zoom;
}

/**
 * jh_timeline_layout_get_period:
 * @self: a #JhTimelineLayout
 *
 * Returns: the half (1, 2) or quarter (1–4) shown; 1 for a year
 */
guint
jh_timeline_layout_get_period (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return self->period;
}

double
jh_timeline_layout_get_width (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->width;
}

double
jh_timeline_layout_get_row_height (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->row_height;
}

/**
 * jh_timeline_layout_get_height:
 * @self: a #JhTimelineLayout
 *
 * Returns: the height of all the rows together
 */
double
jh_timeline_layout_get_height (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->rows->len * self->row_height;
}

/**
 * jh_timeline_layout_get_span:
 * @self: a #JhTimelineLayout
 * @first: (out) (optional): the first day shown
 * @last: (out) (optional): the last day shown
 */
void
jh_timeline_layout_get_span (JhTimelineLayout *self,
                             GDate            *first,
                             GDate            *last)
{
  g_return_if_fail (self != NULL);

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    *last = self->last;
}

/**
 * jh_timeline_format_span:
 * @year: the plan year
 * @zoom: how much of it is shown
 * @period: which half (1, 2) or quarter (1–4); ignored for a year
 *
 * Returns: (transfer full): what is shown, as a plan says it: "2027年",
 *   "2027年上半年", "2027年第二季度"
 */
char *
jh_timeline_format_span (guint          year,
                         JhTimelineZoom zoom,
                         guint          period)
{
  switch (zoom)
    {
    case JH_TIMELINE_ZOOM_HALF:
      g_return_val_if_fail (period >= 1 && period <= 2, NULL);
      return g_strdup_printf ("%u年%s", year, period == 1 ? "上半年" : "下半年");

    case JH_TIMELINE_ZOOM_QUARTER:
      g_return_val_if_fail (period >= 1 && period <= 4, NULL);
      return g_strdup_printf ("%u年%s", year, quarter_labels[period - 1]);

    case JH_TIMELINE_ZOOM_YEAR:
    default:
      return g_strdup_printf ("%u年", year);
    }
}

/**
 * jh_timeline_layout_dup_span_label:
 * @self: a #JhTimelineLayout
 *
 * Returns: (transfer full): what is shown, as jh_timeline_format_span()
 *   writes it
 */
char *
jh_timeline_layout_dup_span_label (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return jh_timeline_format_span (self->year, self->zoom, self->period);
}

/**
 * jh_timeline_layout_contains:
 * @self: a #JhTimelineLayout
 * @date: a day
 *
 * Returns: whether @date is in the span shown
 */
gboolean
jh_timeline_layout_contains (JhTimelineLayout *self,
                             const GDate      *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_date_compare (date, &self->first) >= 0 && g_date_compare (date, &self->last) <= 0;
}

/**
 * jh_timeline_layout_x_for_date:
 * @self: a #JhTimelineLayout
 * @date: a day
 *
 * Returns: where @date starts; before 0 or after the width for a day
 *   outside the span
 */
double
jh_timeline_layout_x_for_date (JhTimelineLayout *self,
                               const GDate      *date)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0.0);

  return ((double) g_date_get_julian (date) - (double) g_date_get_julian (&self->first)) *
         self->width / self->n_days;
}

/**
 * jh_timeline_layout_date_for_x:
 * @self: a #JhTimelineLayout
 * @x: a position on the time axis
 * @date: (out): the day at @x, the first or the last day of the span
 *   when @x is beyond it
 */
void
jh_timeline_layout_date_for_x (JhTimelineLayout *self,
                               double            x,
                               GDate            *date)
{
  double day;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL);

  day = floor (x * self->n_days / self->width);
  day = CLAMP (day, 0.0, (double) self->n_days - 1);

  *date = self->first;
  g_date_add_days (date, (guint) day);
}

/**
 * jh_timeline_layout_snap_x:
 * @self: a #JhTimelineLayout
 * @x: a position on the time axis
 * @boundary: (out) (optional): the first day of the 旬 that starts at
 *   the returned position, or the day after the span at its end
 *
 * Finds the boundary between 旬 nearest to @x, where a dragged end of a
 * bar comes to rest.
 *
 * Returns: the position of that boundary
 */
double
jh_timeline_layout_snap_x (JhTimelineLayout *self,
                           double            x,
                           GDate            *boundary)
{
  GArray *xuns;
  double best_x;
  GDate best;
  guint i;

  g_return_val_if_fail (self != NULL, 0.0);

  xuns = self->cells[JH_TIMELINE_UNIT_XUN];
  best = self->first;
  best_x = 0.0;

  for (i = 0; i < xuns->len; i++)
    {
      const JhTimelineCell *cell = &g_array_index (xuns, JhTimelineCell, i);

      if (fabs (cell->x1 - x) < fabs (best_x - x))
        {
          best_x = cell->x1;
          best = cell->start;
        }
    }

  if (fabs (self->width - x) < fabs (best_x - x))
    {
      best_x = self->width;
      best = self->last;
      g_date_add_days (&best, 1);
    }

  if (boundary != NULL)
    *boundary = best;

  return best_x;
}

guint
jh_timeline_layout_get_n_cells (JhTimelineLayout *self,
                                JhTimelineUnit    unit)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (unit <= JH_TIMELINE_UNIT_XUN, 0);

  return self->cells[unit]->len;
}

/**
 * jh_timeline_layout_get_cell:
 * @self: a #JhTimelineLayout
 * @unit: a band of the header
 * @index_: a cell of it, from the left
 *
 * Returns: (transfer none): the cell
 */
const JhTimelineCell *
jh_timeline_layout_get_cell (JhTimelineLayout *self,
                             JhTimelineUnit    unit,
                             guint             index_)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (unit <= JH_TIMELINE_UNIT_XUN, NULL);
  g_return_val_if_fail (index_ < self->cells[unit]->len, NULL);

  return &g_array_index (self->cells[unit], JhTimelineCell, index_);
}

guint
jh_timeline_layout_get_n_rows (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * jh_timeline_layout_get_row:
 * @self: a #JhTimelineLayout
 * @index_: a row, from the top
 *
 * Returns: (transfer none): the row
 */
const JhTimelineRow *
jh_timeline_layout_get_row (JhTimelineLayout *self,
                            guint             index_)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index_ < self->rows->len, NULL);

  return &g_array_index (self->rows, JhTimelineRow, index_);
}

/**
 * jh_timeline_layout_get_row_at_y:
 * @self: a #JhTimelineLayout
 * @y: a height, 0 at the top of the first row
 *
 * Rows are all as high, so this is a division, however many rows: the
 * widget asks it for the rows it has to draw.
 *
 * Returns: the row at @y, or -1
 */
int
jh_timeline_layout_get_row_at_y (JhTimelineLayout *self,
                                 double            y)
{
  double row;

  g_return_val_if_fail (self != NULL, -1);

  if (y < 0)
    return -1;

  row = floor (y / self->row_height);
  if (row >= self->rows->len)
    return -1;

  return (int) row;
}

/**
 * jh_timeline_layout_find_row:
 * @self: a #JhTimelineLayout
 * @task: a task
 *
 * Returns: the row of @task, or -1 when it is not on the timeline
 */
int
jh_timeline_layout_find_row (JhTimelineLayout *self,
                             JhTask           *task)
{
  gpointer value;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (JH_IS_TASK (task), -1);

  if (!g_hash_table_lookup_extended (self->row_by_task, task, NULL, &value))
    return -1;

  return GPOINTER_TO_UINT (value);
}

guint
jh_timeline_layout_get_n_marks (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->marks->len;
}

/**
 * jh_timeline_layout_get_mark:
 * @self: a #JhTimelineLayout
 * @index_: a mark; a row's are from its first_mark on
 *
 * Returns: (transfer none): the mark
 */
/**
 * jh_timeline_cell_draws_line:
 * @cell: a cell of the header
 *
 * Whether the grid line at the start of @cell is drawn for it: a line
 * shared with a coarser unit (a quarter's first month, a month's first
 * 旬) is drawn by that unit, and the chart's left edge by nobody.
 */
gboolean
jh_timeline_cell_draws_line (const JhTimelineCell *cell)
{
  g_return_val_if_fail (cell != NULL, FALSE);

  return cell->x1 > 0 &&
         !(cell->unit == JH_TIMELINE_UNIT_MONTH && (cell->number - 1) % 3 == 0) &&
         !(cell->unit == JH_TIMELINE_UNIT_XUN && cell->number == 1);
}

/**
 * jh_timeline_mark_is_light:
 * @mark: a mark
 *
 * Work that goes on all year, recurs, or is only mentioned in the text
 * is drawn light, so that what falls due at a time stands out.
 */
gboolean
jh_timeline_mark_is_light (const JhTimelineMark *mark)
{
  g_return_val_if_fail (mark != NULL, FALSE);

  return mark->recurring || !mark->editable ||
         mark->range.granularity <= JH_TIME_GRANULARITY_HALF;
}

/**
 * jh_timeline_mark_widen_day:
 * @mark: a mark
 * @row_height: the height of its row
 * @x1: (inout): where the mark starts, as drawn
 * @x2: (inout): where it ends, as drawn
 *
 * A day's marker is a diamond wider than its day: widens [@x1, @x2] to
 * the diamond, for what is placed beside it.
 */
void
jh_timeline_mark_widen_day (const JhTimelineMark *mark,
                            double                row_height,
                            double               *x1,
                            double               *x2)
{
  double centre = (*x1 + *x2) / 2;

  g_return_if_fail (mark != NULL);

  if (mark->kind != JH_TIMELINE_MARK_DAY)
    return;

  *x1 = MIN (*x1, centre - row_height * 0.4);
  *x2 = MAX (*x2, centre + row_height * 0.4);
}

/**
 * jh_timeline_place_beside:
 * @first_x: where a row's marks start
 * @last_x: where they end
 * @width: the width of the text to place
 * @gap: the space between marks and text
 * @chart_width: the width of the chart
 * @x: (out): where the text starts
 *
 * Places a row's "when" text beside its marks, where there is room:
 * after them, else before them.
 *
 * Returns: %FALSE when there is room on neither side
 */
gboolean
jh_timeline_place_beside (double  first_x,
                          double  last_x,
                          double  width,
                          double  gap,
                          double  chart_width,
                          double *x)
{
  if (last_x + gap + width <= chart_width)
    *x = last_x + gap;
  else if (first_x - gap - width >= 0)
    *x = first_x - gap - width;
  else
    return FALSE;

  return TRUE;
}

const JhTimelineMark *
jh_timeline_layout_get_mark (JhTimelineLayout *self,
                             guint             index_)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index_ < self->marks->len, NULL);

  return &g_array_index (self->marks, JhTimelineMark, index_);
}

/**
 * jh_timeline_layout_find_mark:
 * @self: a #JhTimelineLayout
 * @task: a task
 * @activity_index: one of its activities, as jh_schedule_get_activities()
 *   lists them
 * @range_index: one of the ranges of that activity's timing
 *
 * Returns: the mark of that range, or -1 when it is not shown
 */
int
jh_timeline_layout_find_mark (JhTimelineLayout *self,
                              JhTask           *task,
                              guint             activity_index,
                              guint             range_index)
{
  GPtrArray *activities;
  const JhTimelineRow *row;
  JhActivity *activity;
  int row_index;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (JH_IS_TASK (task), -1);

  row_index = jh_timeline_layout_find_row (self, task);
  activities = jh_schedule_get_activities (self->schedule, task);
  if (row_index < 0 || activities == NULL || activity_index >= activities->len)
    return -1;

  activity = g_ptr_array_index (activities, activity_index);
  row = jh_timeline_layout_get_row (self, row_index);
  for (guint i = row->first_mark; i < row->first_mark + row->n_marks; i++)
    {
      const JhTimelineMark *mark = &g_array_index (self->marks, JhTimelineMark, i);

      if (mark->activity == activity && mark->range_index == range_index)
        return (int) i;
    }

  return -1;
}

/* A day marker is narrow on a year's scale: it is as easy to hit as a
 * short bar.
 */
#define MIN_HIT_WIDTH 12.0

/**
 * jh_timeline_layout_hit:
 * @self: a #JhTimelineLayout
 * @x: a position on the time axis
 * @y: a height, 0 at the top of the first row
 * @hit: (out): what is there
 *
 * Finds what a pointer at (@x, @y) is over.  The ends of an editable
 * bar wide enough to have a middle are resize handles.
 *
 * Returns: whether (@x, @y) is on a row
 */
gboolean
jh_timeline_layout_hit (JhTimelineLayout *self,
                        double            x,
                        double            y,
                        JhTimelineHit    *hit)
{
  const JhTimelineRow *row;
  int row_index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  hit->row = 0;
  hit->mark = -1;
  hit->part = JH_TIMELINE_PART_NONE;

  row_index = jh_timeline_layout_get_row_at_y (self, y);
  if (row_index < 0)
    return FALSE;

  hit->row = row_index;
  row = jh_timeline_layout_get_row (self, row_index);

  /* The last drawn is on top: look from the end. */
  for (guint i = row->n_marks; i > 0; i--)
    {
      guint index_ = row->first_mark + i - 1;
      const JhTimelineMark *mark = &g_array_index (self->marks, JhTimelineMark, index_);
      double x1 = mark->x1;
      double x2 = mark->x2;

      if (mark->kind == JH_TIMELINE_MARK_DEADLINE)
        x1 = MIN (x1, x2 - MIN_HIT_WIDTH);

      if (x2 - x1 < MIN_HIT_WIDTH)
        {
          double middle = (x1 + x2) / 2;

          x1 = middle - MIN_HIT_WIDTH / 2;
          x2 = middle + MIN_HIT_WIDTH / 2;
        }

      if (x < x1 || x > x2)
        continue;

      hit->mark = index_;
      hit->part = JH_TIMELINE_PART_BODY;

      if (mark->editable && mark->kind == JH_TIMELINE_MARK_BAR &&
          mark->x2 - mark->x1 >= 3 * JH_TIMELINE_EDGE_WIDTH)
        {
          if (x - mark->x1 < JH_TIMELINE_EDGE_WIDTH && !mark->clipped_start)
            hit->part = JH_TIMELINE_PART_START;
          else if (mark->x2 - x < JH_TIMELINE_EDGE_WIDTH && !mark->clipped_end)
            hit->part = JH_TIMELINE_PART_END;
        }

      break;
    }

  return TRUE;
}

/**
 * jh_timeline_layout_get_workload:
 * @self: a #JhTimelineLayout
 * @month: a month of the plan year
 *
 * Returns: how many occurrences of activities fall in @month, as
 *   jh_schedule_count_in_month() counts them
 */
guint
jh_timeline_layout_get_workload (JhTimelineLayout *self,
                                 GDateMonth        month)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (g_date_valid_month (month), 0);

  return self->workload[month - 1];
}

/**
 * jh_timeline_layout_get_max_workload:
 * @self: a #JhTimelineLayout
 *
 * Returns: the workload of the busiest month of the year, which scales
 *   the workload strip
 */
guint
jh_timeline_layout_get_max_workload (JhTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->max_workload;
}

/* Editing ranges on the timeline */

static gboolean
within_year (const GDate *date,
             guint        year)
{
  return g_date_get_year (date) == year;
}

/* Moves a day by @n 旬, keeping its place in its 旬: 2月6日 moved by one
 * is 2月16日, and 1月31日 moved by one is 2月10日 (下旬 has eleven days at
 * most, 上旬 ten).
 */
static void
move_day (const GDate *date,
          int          n,
          guint        year,
          GDate       *result)
{
  int index_ = xun_index (date, year);
  GDate first, last, old_first;
  guint offset;

  xun_bounds (index_, year, &old_first, NULL);
  offset = days_between (&old_first, date);

  xun_bounds (index_ + n, year, &first, &last);
  *result = first;
  g_date_add_days (result, offset);
  if (g_date_compare (result, &last) > 0)
    *result = last;
}

static gboolean
range_equal_days (const JhTimeRange *a,
                  const JhTimeRange *b)
{
  if (a->is_deadline != b->is_deadline)
    return FALSE;
  if (!a->is_deadline && g_date_compare (&a->start, &b->start) != 0)
    return FALSE;

  return g_date_compare (&a->end, &b->end) == 0;
}

/**
 * jh_timeline_range_move:
 * @range: a range of the plan year
 * @n_xun: how many 旬 to move it, later when positive
 * @year: the plan year, which the range does not leave
 * @result: (out): the range moved
 *
 * Moves @range as the timeline does when a bar is dragged or nudged
 * with Shift+Left/Right: in whole 旬, snapped to 旬 first (so 4-10月
 * moved by one is 4月中旬至11月上旬), and never out of @year — a move
 * past its end stops at it.  A single day, or a range given in days,
 * stays in days and keeps its place in its 旬.  A deadline moves its due
 * date.
 *
 * Returns: whether @result is on other days than @range
 */
gboolean
jh_timeline_range_move (const JhTimeRange *range,
                        int                n_xun,
                        guint              year,
                        JhTimeRange       *result)
{
  JhTimeRange moved;
  int first_index, last_index;

  g_return_val_if_fail (range != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  *result = *range;

  if (!within_year (&range->end, year) ||
      (!range->is_deadline && !within_year (&range->start, year)))
    return FALSE;

  last_index = xun_index (&range->end, year);
  first_index = range->is_deadline ? last_index : xun_index (&range->start, year);
  n_xun = CLAMP (n_xun, -first_index, 35 - last_index);

  moved = *range;
  if (range->granularity == JH_TIME_GRANULARITY_DAY)
    {
      if (!range->is_deadline)
        move_day (&range->start, n_xun, year, &moved.start);
      move_day (&range->end, n_xun, year, &moved.end);
    }
  else
    {
      if (!range->is_deadline)
        xun_bounds (first_index + n_xun, year, &moved.start, NULL);
      xun_bounds (last_index + n_xun, year, NULL, &moved.end);
      moved.granularity = JH_TIME_GRANULARITY_XUN;
    }

  if (range_equal_days (&moved, range))
    return FALSE;

  *result = moved;
  return TRUE;
}

/**
 * jh_timeline_range_resize:
 * @range: a range of the plan year, not a deadline
 * @edge: %JH_TIMELINE_PART_START or %JH_TIMELINE_PART_END
 * @boundary: the first day of a 旬, as jh_timeline_layout_snap_x() gives:
 *   where the new start is, or the day after the new end
 * @year: the plan year, which the range does not leave
 * @result: (out): the range resized
 *
 * Moves one end of @range to a boundary between 旬, as dragging the end
 * of a bar does.  The other end snaps to 旬 too, and the range keeps at
 * least one 旬.
 *
 * Returns: whether @result is on other days than @range
 */
gboolean
jh_timeline_range_resize (const JhTimeRange *range,
                          JhTimelinePart     edge,
                          const GDate       *boundary,
                          guint              year,
                          JhTimeRange       *result)
{
  JhTimeRange resized;
  int first_index, last_index, boundary_index;

  g_return_val_if_fail (range != NULL, FALSE);
  g_return_val_if_fail (edge == JH_TIMELINE_PART_START || edge == JH_TIMELINE_PART_END, FALSE);
  g_return_val_if_fail (boundary != NULL && g_date_valid (boundary), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  *result = *range;

  if (range->is_deadline ||
      !within_year (&range->start, year) || !within_year (&range->end, year))
    return FALSE;

  first_index = xun_index (&range->start, year);
  last_index = xun_index (&range->end, year);
  boundary_index = xun_index (boundary, year);

  if (edge == JH_TIMELINE_PART_START)
    first_index = CLAMP (boundary_index, 0, last_index);
  else
    last_index = CLAMP (boundary_index - 1, first_index, 35);

  resized = *range;
  xun_bounds (first_index, year, &resized.start, NULL);
  xun_bounds (last_index, year, NULL, &resized.end);
  resized.granularity = JH_TIME_GRANULARITY_XUN;

  if (range_equal_days (&resized, range))
    return FALSE;

  *result = resized;
  return TRUE;
}

/**
 * jh_timeline_count_xun:
 * @from: a day
 * @to: another day
 *
 * Returns: how many 旬 lie from the 旬 of @from to that of @to: 0 in the
 *   same 旬, negative when @to is earlier
 */
int
jh_timeline_count_xun (const GDate *from,
                       const GDate *to)
{
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  return xun_index (to, g_date_get_year (from)) - xun_index (from, g_date_get_year (from));
}

/**
 * jh_timeline_dup_timing_text:
 * @timing: the timing of an activity from a task's timing field
 * @range_index: the range that changed
 * @range: its new days
 *
 * Writes the timing field anew after one of its ranges was moved on the
 * timeline: "6月中旬" moved by a 旬 reads "6月下旬", and in "6月中旬和
 * 11月下旬" only the moved half changes its dates.
 *
 * Returns: (transfer full) (nullable): the new text, or %NULL for a
 *   recurring timing, which has no single range to move
 */
char *
jh_timeline_dup_timing_text (JhTiming          *timing,
                             guint              range_index,
                             const JhTimeRange *range)
{
  g_autoptr(GString) text = NULL;
  guint n_ranges;

  g_return_val_if_fail (timing != NULL, NULL);
  g_return_val_if_fail (range_index < jh_timing_get_n_ranges (timing), NULL);
  g_return_val_if_fail (range != NULL, NULL);

  if (jh_timing_get_recurrence (timing) != JH_TIME_RECURRENCE_NONE)
    return NULL;

  n_ranges = jh_timing_get_n_ranges (timing);
  text = g_string_new (NULL);

  /* Joined as jh_timing_format() joins them, which the parser reads. */
  for (guint i = 0; i < n_ranges; i++)
    {
      const JhTimeRange *part = i == range_index ? range : jh_timing_get_range (timing, i);
      g_autofree char *words = jh_timing_format_range (part, jh_timing_get_plan_year (timing));

      if (i > 0)
        g_string_append (text, i + 1 == n_ranges ? "和" : "、");
      g_string_append (text, words);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
