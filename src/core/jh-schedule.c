/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <string.h>

#include "jh-numbering.h"
#include "jh-schedule-private.h"

/**
 * JhSchedule:
 *
 * The plan's year as the timeline and the schedule checks see it: which
 * tasks are on it, their activities, and the facts a reviewer asks about
 * (tasks with no date, dates outside the year, work piled into one
 * quarter).  A schedule is computed once from the plan as it is; after
 * an edit, views compute a new one.
 */

struct _JhActivity
{
  JhTask           *task;
  JhTiming         *timing;
  JhParagraph      *paragraph;
  glong             char_offset;
  glong             char_length;
  JhActivitySource  source;
};

G_DEFINE_BOXED_TYPE (JhActivity, jh_activity, jh_activity_ref, jh_activity_unref)

static void
jh_activity_clear (JhActivity *self)
{
  g_clear_object (&self->task);
  g_clear_pointer (&self->timing, jh_timing_unref);
  g_clear_object (&self->paragraph);
}

static JhActivity *
jh_activity_new (JhTask           *task,
                 JhTiming         *timing,
                 JhActivitySource  source,
                 JhParagraph      *paragraph,
                 glong             char_offset,
                 glong             char_length)
{
  JhActivity *self = g_atomic_rc_box_new0 (JhActivity);

  self->task = g_object_ref (task);
  self->timing = jh_timing_ref (timing);
  self->source = source;
  self->paragraph = paragraph ? g_object_ref (paragraph) : NULL;
  self->char_offset = char_offset;
  self->char_length = char_length;

  return self;
}

JhActivity *
jh_activity_ref (JhActivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
jh_activity_unref (JhActivity *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) jh_activity_clear);
}

/**
 * jh_activity_get_task:
 * @self: a #JhActivity
 *
 * Returns: (transfer none): the task the activity belongs to
 */
JhTask *
jh_activity_get_task (JhActivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->task;
}

/**
 * jh_activity_get_timing:
 * @self: a #JhActivity
 *
 * Returns: (transfer none): when it happens
 */
JhTiming *
jh_activity_get_timing (JhActivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->timing;
}

JhActivitySource
jh_activity_get_source (JhActivity *self)
{
  g_return_val_if_fail (self != NULL, JH_ACTIVITY_SOURCE_TIMING);

  return self->source;
}

/**
 * jh_activity_get_paragraph:
 * @self: a #JhActivity
 *
 * Returns: (transfer none) (nullable): the paragraph the time expression
 *   was found in, for an activity from the body
 */
JhParagraph *
jh_activity_get_paragraph (JhActivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->paragraph;
}

/**
 * jh_activity_get_char_offset:
 * @self: a #JhActivity
 *
 * Returns: where the expression starts, in characters, in the timing
 *   field or in the paragraph
 */
glong
jh_activity_get_char_offset (JhActivity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->char_offset;
}

glong
jh_activity_get_char_length (JhActivity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->char_length;
}

struct _JhSchedule
{
  GObject     parent_instance;

  JhPlan     *plan;
  guint       year;
  GPtrArray  *tasks;
  GHashTable *activities_by_task;
  GPtrArray  *all_activities;
  GPtrArray  *unscheduled;
  GPtrArray  *outside_year;

  /* While computing only, for _jh_schedule_new_reusing(): text → the
   * time expressions jh_timing_find() found in it, this time and the
   * time before.
   */
  GHashTable *previous_finds;
  GHashTable *finds;
  /* The same for the timing fields: text → JhTiming. */
  GHashTable *previous_parsed;
  GHashTable *parsed;
};

G_DEFINE_FINAL_TYPE (JhSchedule, jh_schedule, G_TYPE_OBJECT)

static void
jh_schedule_finalize (GObject *object)
{
  JhSchedule *self = (JhSchedule *) object;

  g_clear_object (&self->plan);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->activities_by_task, g_hash_table_unref);
  g_clear_pointer (&self->all_activities, g_ptr_array_unref);
  g_clear_pointer (&self->unscheduled, g_ptr_array_unref);
  g_clear_pointer (&self->outside_year, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_schedule_parent_class)->finalize (object);
}

static void
jh_schedule_class_init (JhScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jh_schedule_finalize;
}

static void
jh_schedule_init (JhSchedule *self)
{
  self->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->activities_by_task = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->all_activities = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_activity_unref);
  self->unscheduled = g_ptr_array_new_with_free_func (g_object_unref);
  self->outside_year = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_activity_unref);
}

static gboolean
ranges_overlap (const JhTimeRange *a,
                const JhTimeRange *b)
{
  GDate start, end;

  jh_time_range_get_end (b, &end);
  if (!jh_time_range_get_start (b, &start))
    start = end;

  return jh_time_range_overlaps (a, &start, &end);
}

/* Whether every range of @timing overlaps a range of an activity already
 * known: the body often restates the timing field ("每季度" in both, or
 * "6月中旬" of "6月中旬和11月下旬"), which is not another activity.
 */
static gboolean
is_restatement (GPtrArray *activities,
                JhTiming  *timing)
{
  for (guint i = 0; i < jh_timing_get_n_ranges (timing); i++)
    {
      const JhTimeRange *range = jh_timing_get_range (timing, i);
      gboolean overlaps = FALSE;

      for (guint j = 0; !overlaps && j < activities->len; j++)
        {
          JhTiming *other = ((JhActivity *) g_ptr_array_index (activities, j))->timing;

          for (guint k = 0; !overlaps && k < jh_timing_get_n_ranges (other); k++)
            overlaps = ranges_overlap (range, jh_timing_get_range (other, k));
        }

      if (!overlaps)
        return FALSE;
    }

  return activities->len > 0;
}

static gboolean
is_whole_year (JhTiming *timing)
{
  for (guint i = 0; i < jh_timing_get_n_ranges (timing); i++)
    if (jh_timing_get_range (timing, i)->granularity != JH_TIME_GRANULARITY_YEAR)
      return FALSE;

  return jh_timing_get_recurrence (timing) == JH_TIME_RECURRENCE_NONE;
}

static void
add_activity (JhSchedule *self,
              GPtrArray  *activities,
              JhActivity *activity)
{
  g_ptr_array_add (activities, activity);
  g_ptr_array_add (self->all_activities, jh_activity_ref (activity));
  if (jh_timing_get_outside_plan_year (activity->timing))
    g_ptr_array_add (self->outside_year, jh_activity_ref (activity));
}

/* Texts are hashed three times each per schedule (looked up, taken
 * from the previous schedule's table, put in this one's), and a
 * schedule is made after every edit: g_str_hash(), a byte at a time,
 * was a tenth of a recheck.  This reads eight bytes at a time.
 */
static guint
text_hash (gconstpointer key)
{
  const char *text = key;
  gsize length = strlen (text);
  guint64 hash = G_GUINT64_CONSTANT (0xCBF29CE484222325) ^ length;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      hash = (hash ^ word) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      hash ^= hash >> 29;
    }
  for (; i < length; i++)
    hash = (hash ^ (guchar) text[i]) * G_GUINT64_CONSTANT (0x100000001B3);

  return (guint) (hash ^ (hash >> 32));
}

/* The time expressions in @text: found again, or taken from the finds
 * of the previous schedule when the text has not changed.
 */
static GPtrArray *
find_times (JhSchedule *self,
            const char *text)
{
  GPtrArray *matches = NULL;
  gpointer key;

  if (self->finds == NULL)
    return jh_timing_find (text, self->year);

  if ((matches = g_hash_table_lookup (self->finds, text)) != NULL)
    return g_ptr_array_ref (matches);

  if (self->previous_finds != NULL &&
      g_hash_table_steal_extended (self->previous_finds, text, &key, (gpointer *) &matches))
    g_hash_table_insert (self->finds, key, matches);
  else if ((matches = jh_timing_find (text, self->year)) != NULL)
    g_hash_table_insert (self->finds, g_strdup (text), matches);
  else
    return NULL;

  return g_ptr_array_ref (matches);
}

/* @text read as a timing, or read again from the previous schedule's. */
static JhTiming *
parse_timing (JhSchedule *self,
              const char *text)
{
  JhTiming *timing = NULL;
  gpointer key;

  if (self->parsed == NULL)
    return jh_timing_parse (text, self->year, NULL);

  if ((timing = g_hash_table_lookup (self->parsed, text)) != NULL)
    return jh_timing_ref (timing);

  if (self->previous_parsed != NULL &&
      g_hash_table_steal_extended (self->previous_parsed, text, &key, (gpointer *) &timing))
    g_hash_table_insert (self->parsed, key, timing);
  else if ((timing = jh_timing_parse (text, self->year, NULL)) != NULL)
    g_hash_table_insert (self->parsed, g_strdup (text), timing);
  else
    return NULL;

  return jh_timing_ref (timing);
}

static GPtrArray *
collect_activities (JhSchedule *self,
                    JhTask     *task)
{
  GPtrArray *activities = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_activity_unref);
  GListModel *paragraphs = jh_task_get_paragraphs (task);
  const char *timing_text = jh_task_get_timing (task);

  if (*timing_text != '\0')
    {
      g_autoptr(JhTiming) timing = parse_timing (self, timing_text);

      /* A timing Jihua cannot read gives no activity; the checks say so. */
      if (timing != NULL)
        add_activity (self, activities,
                      jh_activity_new (task, timing, JH_ACTIVITY_SOURCE_TIMING, NULL,
                                       0, g_utf8_strlen (timing_text, -1)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autoptr(GPtrArray) matches = find_times (self, jh_paragraph_get_text (paragraph));

      for (guint j = 0; matches != NULL && j < matches->len; j++)
        {
          JhTimingMatch *match = g_ptr_array_index (matches, j);

          /* "全年" in a body says the work goes on all year, which the
           * timing field says better when there is one.
           */
          if ((*timing_text != '\0' && is_whole_year (match->timing)) ||
              is_restatement (activities, match->timing))
            continue;

          add_activity (self, activities,
                        jh_activity_new (task, match->timing, JH_ACTIVITY_SOURCE_BODY, paragraph,
                                         match->char_offset, match->char_length));
        }
    }

  return activities;
}

/* Returns whether @task or one of its sub-tasks has an activity. */
static gboolean
add_tasks (JhSchedule *self,
           GListModel *tasks,
           gboolean    only_with_timing)
{
  gboolean any_scheduled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      GPtrArray *activities;
      gboolean scheduled;
      guint unscheduled_before;

      if (only_with_timing && *jh_task_get_timing (task) == '\0')
        continue;

      unscheduled_before = self->unscheduled->len;
      g_ptr_array_add (self->tasks, g_object_ref (task));
      activities = collect_activities (self, task);
      g_hash_table_insert (self->activities_by_task, task, activities);

      scheduled = add_tasks (self, jh_task_get_subtasks (task), only_with_timing);
      scheduled |= activities->len > 0;

      /* A parent goes before its unscheduled sub-tasks, which were
       * listed meanwhile, so the list reads in document order.
       */
      if (!scheduled)
        g_ptr_array_insert (self->unscheduled, unscheduled_before, g_object_ref (task));

      any_scheduled |= scheduled;
    }

  return any_scheduled;
}

/**
 * jh_schedule_new:
 * @plan: a #JhPlan
 *
 * Computes the schedule of @plan.  The tasks on the timeline are those
 * of the main-task sections, and any other task that states a timing
 * (the safeguards rarely have dates, and are not missing any).
 *
 * Returns: (transfer full): the schedule
 */
JhSchedule *
jh_schedule_new (JhPlan *plan)
{
  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);

  return _jh_schedule_new_reusing (plan, NULL);
}

struct _JhScheduleFinds
{
  guint       year;
  GHashTable *by_text;   /* text → GPtrArray of JhTimingMatch */
  GHashTable *parsed;    /* timing text → JhTiming */
};

JhScheduleFinds *
_jh_schedule_finds_new (void)
{
  return g_new0 (JhScheduleFinds, 1);
}

void
_jh_schedule_finds_free (JhScheduleFinds *finds)
{
  if (finds == NULL)
    return;

  g_clear_pointer (&finds->by_text, g_hash_table_unref);
  g_clear_pointer (&finds->parsed, g_hash_table_unref);
  g_free (finds);
}

/*
 * _jh_schedule_new_reusing:
 * @plan: a #JhPlan
 * @finds: (nullable): the time expressions found by the previous
 *   schedule of @plan, kept between schedules
 *
 * Computes the schedule of @plan as jh_schedule_new() does, reading
 * again only the texts that changed since the previous schedule: what a
 * checker needs, as it makes a schedule after every edit.  @finds is
 * left holding the current texts' finds only.
 */
JhSchedule *
_jh_schedule_new_reusing (JhPlan          *plan,
                          JhScheduleFinds *finds)
{
  JhSchedule *self;
  GListModel *sections;

  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);

  self = g_object_new (JH_TYPE_SCHEDULE, NULL);
  self->plan = g_object_ref (plan);
  self->year = jh_plan_get_year (plan);
  if (finds != NULL)
    {
      /* What a text says depends on the plan's year too. */
      if (finds->year == self->year)
        {
          self->previous_finds = g_steal_pointer (&finds->by_text);
          self->previous_parsed = g_steal_pointer (&finds->parsed);
        }
      g_clear_pointer (&finds->by_text, g_hash_table_unref);
      g_clear_pointer (&finds->parsed, g_hash_table_unref);
      self->finds = g_hash_table_new_full (text_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
      self->parsed = g_hash_table_new_full (text_hash, g_str_equal, g_free,
                                            (GDestroyNotify) jh_timing_unref);
    }

  sections = jh_plan_get_sections (plan);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      add_tasks (self, jh_section_get_tasks (section),
                 jh_section_get_kind (section) != JH_SECTION_KIND_MAIN_TASKS);
    }

  if (finds != NULL)
    {
      finds->year = self->year;
      finds->by_text = g_steal_pointer (&self->finds);
      finds->parsed = g_steal_pointer (&self->parsed);
      g_clear_pointer (&self->previous_finds, g_hash_table_unref);
      g_clear_pointer (&self->previous_parsed, g_hash_table_unref);
    }

  return self;
}

/**
 * jh_schedule_get_plan:
 * @self: a #JhSchedule
 *
 * Returns: (transfer none): the plan the schedule was computed from
 */
JhPlan *
jh_schedule_get_plan (JhSchedule *self)
{
  g_return_val_if_fail (JH_IS_SCHEDULE (self), NULL);

  return self->plan;
}

guint
jh_schedule_get_year (JhSchedule *self)
{
  g_return_val_if_fail (JH_IS_SCHEDULE (self), 0);

  return self->year;
}

/**
 * jh_schedule_get_tasks:
 * @self: a #JhSchedule
 *
 * Returns: (transfer none) (element-type JhTask): the tasks on the
 *   timeline, in document order, sub-tasks after their task
 */
GPtrArray *
jh_schedule_get_tasks (JhSchedule *self)
{
  g_return_val_if_fail (JH_IS_SCHEDULE (self), NULL);

  return self->tasks;
}

/**
 * jh_schedule_get_activities:
 * @self: a #JhSchedule
 * @task: a task of the schedule
 *
 * Returns: (transfer none) (element-type JhActivity) (nullable): the
 *   activities of @task, %NULL for a task not on the timeline
 */
GPtrArray *
jh_schedule_get_activities (JhSchedule *self,
                            JhTask     *task)
{
  g_return_val_if_fail (JH_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (JH_IS_TASK (task), NULL);

  return g_hash_table_lookup (self->activities_by_task, task);
}

/**
 * jh_schedule_get_all_activities:
 * @self: a #JhSchedule
 *
 * Returns: (transfer none) (element-type JhActivity): every activity, in
 *   document order
 */
GPtrArray *
jh_schedule_get_all_activities (JhSchedule *self)
{
  g_return_val_if_fail (JH_IS_SCHEDULE (self), NULL);

  return self->all_activities;
}

/**
 * jh_schedule_get_unscheduled:
 * @self: a #JhSchedule
 *
 * Returns: (transfer none) (element-type JhTask): the tasks with no
 *   activity, neither their own nor a sub-task's
 */
GPtrArray *
jh_schedule_get_unscheduled (JhSchedule *self)
{
  g_return_val_if_fail (JH_IS_SCHEDULE (self), NULL);

  return self->unscheduled;
}

/**
 * jh_schedule_get_outside_year:
 * @self: a #JhSchedule
 *
 * Returns: (transfer none) (element-type JhActivity): the activities
 *   dated in another year than the plan's
 */
GPtrArray *
jh_schedule_get_outside_year (JhSchedule *self)
{
  g_return_val_if_fail (JH_IS_SCHEDULE (self), NULL);

  return self->outside_year;
}

/* The stretch of a range that counts for workload: a deadline counts in
 * the month it falls due.
 */
static void
get_effective_span (const JhTimeRange *range,
                    GDate             *start,
                    GDate             *end)
{
  jh_time_range_get_end (range, end);
  if (!jh_time_range_get_start (range, start))
    *start = *end;
}

static guint
count_overlapping (JhSchedule  *self,
                   const GDate *first,
                   const GDate *last)
{
  guint count = 0;

  for (guint i = 0; i < self->all_activities->len; i++)
    {
      JhActivity *activity = g_ptr_array_index (self->all_activities, i);

      for (guint j = 0; j < jh_timing_get_n_ranges (activity->timing); j++)
        {
          GDate start, end;

          get_effective_span (jh_timing_get_range (activity->timing, j), &start, &end);
          if (g_date_compare (&start, last) <= 0 && g_date_compare (&end, first) >= 0)
            count++;
        }
    }

  return count;
}

/**
 * jh_schedule_count_in_month:
 * @self: a #JhSchedule
 * @month: a month of the plan year
 *
 * The workload of a month: how many occurrences of activities fall in
 * it, a recurring activity counting once for each occurrence.
 *
 * Returns: the number of occurrences touching @month
 */
guint
jh_schedule_count_in_month (JhSchedule *self,
                            GDateMonth  month)
{
  GDate first, last;

  g_return_val_if_fail (JH_IS_SCHEDULE (self), 0);
  g_return_val_if_fail (g_date_valid_month (month), 0);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, self->year);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, g_date_get_days_in_month (month, self->year), month, self->year);

  return count_overlapping (self, &first, &last);
}

/**
 * jh_schedule_count_in_quarter:
 * @self: a #JhSchedule
 * @quarter: 1 to 4
 *
 * Returns: the number of occurrences touching the quarter
 */
guint
jh_schedule_count_in_quarter (JhSchedule *self,
                              guint       quarter)
{
  GDate first, last;
  GDateMonth last_month;

  g_return_val_if_fail (JH_IS_SCHEDULE (self), 0);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, 0);

  last_month = quarter * 3;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, quarter * 3 - 2, self->year);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, g_date_get_days_in_month (last_month, self->year), last_month, self->year);

  return count_overlapping (self, &first, &last);
}

static guint
quarter_of (const GDate *date)
{
  return (g_date_get_month (date) - 1) / 3 + 1;
}

/**
 * jh_schedule_is_concentrated:
 * @self: a #JhSchedule
 * @quarter: (out) (optional): the quarter all the work falls in
 *
 * Says whether all the work is piled into one quarter: there are at
 * least three activities, and every one of them begins and ends in the
 * same quarter.
 *
 * Returns: %TRUE when the plan's work is in one quarter
 */
gboolean
jh_schedule_is_concentrated (JhSchedule *self,
                             guint      *quarter)
{
  guint only_quarter = 0;

  g_return_val_if_fail (JH_IS_SCHEDULE (self), FALSE);

  if (self->all_activities->len < 3)
    return FALSE;

  for (guint i = 0; i < self->all_activities->len; i++)
    {
      JhActivity *activity = g_ptr_array_index (self->all_activities, i);

      for (guint j = 0; j < jh_timing_get_n_ranges (activity->timing); j++)
        {
          GDate start, end;

          get_effective_span (jh_timing_get_range (activity->timing, j), &start, &end);
          if (g_date_get_year (&start) != self->year ||
              g_date_get_year (&end) != self->year ||
              quarter_of (&start) != quarter_of (&end))
            return FALSE;

          if (only_quarter == 0)
            only_quarter = quarter_of (&start);
          else if (only_quarter != quarter_of (&start))
            return FALSE;
        }
    }

  if (quarter != NULL)
    *quarter = only_quarter;

  return only_quarter != 0;
}

/* What a task is called in the schedule: its lead sentence without the
 * punctuation at its end, which the schedule supplies itself.
 */
static char *
dup_task_phrase (JhTask *task)
{
  g_autofree char *lead = g_strstrip (g_strdup (jh_task_get_lead (task)));
  const char * const endings[] = { "。", "；", "，", "：", ".", ";", ",", NULL };
  gboolean trimmed = TRUE;

  while (trimmed)
    {
      trimmed = FALSE;
      for (guint i = 0; endings[i] != NULL; i++)
        if (g_str_has_suffix (lead, endings[i]))
          {
            lead[strlen (lead) - strlen (endings[i])] = '\0';
            trimmed = TRUE;
          }
    }

  return g_steal_pointer (&lead);
}

typedef struct
{
  GDate       start;
  char       *when;
  char       *what;
  guint       order;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->when);
  g_free (entry->what);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *entry_a = *(const Entry **) a;
  const Entry *entry_b = *(const Entry **) b;
  int result = g_date_compare (&entry_a->start, &entry_b->start);

  return result != 0 ? result : (int) entry_a->order - (int) entry_b->order;
}

static void
append_group (GPtrArray  *paragraphs,
              const char *heading,
              GPtrArray  *entries,
              gboolean    numbered)
{
  GString *paragraph;

  if (entries->len == 0)
    return;

  g_ptr_array_sort (entries, compare_entries);
  paragraph = g_string_new (heading);
  g_string_append (paragraph, "：");

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (numbered)
        g_string_append_printf (paragraph, "%u、", i + 1);
      if (entry->when != NULL)
        g_string_append_printf (paragraph, "%s，", entry->when);
      g_string_append (paragraph, entry->what);
      g_string_append (paragraph, i + 1 < entries->len ? "；" : "。");
    }

  g_ptr_array_add (paragraphs, g_string_free (paragraph, FALSE));
}

static gboolean
is_main_task (JhTask *task)
{
  JhSection *section = jh_task_get_section (task);

  return section != NULL && jh_section_get_kind (section) == JH_SECTION_KIND_MAIN_TASKS;
}

/**
 * jh_schedule_format:
 * @self: a #JhSchedule
 * @style: how to group the activities
 *
 * Writes the schedule section (时间安排) from the activities, in the
 * style plans use: one paragraph per quarter ("第一季度：2月下旬，…；3月
 * 中旬，…。") or per month ("五月份：1、…；2、…。"), in date order.
 * Work that recurs or spans the year comes first, under "全年".
 *
 * Returns: (transfer full) (element-type utf8): the paragraphs
 */
GPtrArray *
jh_schedule_format (JhSchedule      *self,
                    JhScheduleStyle  style)
{
  static const char * const quarter_names[] = { "第一季度", "第二季度", "第三季度", "第四季度" };
  g_autoptr(GPtrArray) year_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  GPtrArray *groups[12];
  guint n_groups = style == JH_SCHEDULE_STYLE_BY_QUARTER ? 4 : 12;
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  guint order = 0;

  g_return_val_if_fail (JH_IS_SCHEDULE (self), NULL);

  for (guint i = 0; i < n_groups; i++)
    groups[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  for (guint i = 0; i < self->all_activities->len; i++)
    {
      JhActivity *activity = g_ptr_array_index (self->all_activities, i);
      JhTiming *timing = activity->timing;
      g_autofree char *what = dup_task_phrase (activity->task);
      gboolean whole_year = jh_timing_get_recurrence (timing) != JH_TIME_RECURRENCE_NONE;

      /* The schedule section lists the main tasks' work; safeguards
       * that hold all year are not events of the year.
       */
      if (jh_timing_get_outside_plan_year (timing) || !is_main_task (activity->task))
        continue;

      for (guint j = 0; !whole_year && j < jh_timing_get_n_ranges (timing); j++)
        whole_year = jh_timing_get_range (timing, j)->granularity <= JH_TIME_GRANULARITY_HALF;

      if (whole_year)
        {
          Entry *entry = g_new0 (Entry, 1);
          GDate end;

          if (!jh_timing_get_span (timing, &entry->start, &end) || !g_date_valid (&entry->start))
            {
              g_date_clear (&entry->start, 1);
              g_date_set_dmy (&entry->start, 1, 1, self->year);
            }
          entry->when = jh_timing_format (timing);
          entry->what = g_strdup (what);
          entry->order = order++;
          g_ptr_array_add (year_entries, entry);
          continue;
        }

      for (guint j = 0; j < jh_timing_get_n_ranges (timing); j++)
        {
          const JhTimeRange *range = jh_timing_get_range (timing, j);
          Entry *entry = g_new0 (Entry, 1);
          GDate end;
          guint group;

          get_effective_span (range, &entry->start, &end);
          group = style == JH_SCHEDULE_STYLE_BY_QUARTER
            ? quarter_of (&entry->start) - 1
            : (guint) g_date_get_month (&entry->start) - 1;

          entry->when = jh_timing_format_range (range, self->year);
          entry->what = g_strdup (what);
          entry->order = order++;
          g_ptr_array_add (groups[group], entry);
        }
    }

  append_group (paragraphs, "全年", year_entries, FALSE);

  for (guint i = 0; i < n_groups; i++)
    {
      if (style == JH_SCHEDULE_STYLE_BY_QUARTER)
        {
          append_group (paragraphs, quarter_names[i], groups[i], FALSE);
        }
      else
        {
          g_autofree char *month = jh_chinese_numeral (i + 1);
          g_autofree char *heading = g_strdup_printf ("%s月份", month);

          append_group (paragraphs, heading, groups[i], TRUE);
        }
      g_ptr_array_unref (groups[i]);
    }

  return paragraphs;
}
