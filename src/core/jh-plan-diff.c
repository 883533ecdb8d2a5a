/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <math.h>
#include <string.h>

#include "jh-clause-index.h"
#include "jh-plan-diff.h"
#include "jh-plan-file.h"
#include "jh-section.h"

/**
 * SECTION:jh-plan-diff
 *
 * Last year's plan beside this year's: which tasks were carried over
 * (found by the likeness of their words, not by their place), which
 * are new and which were dropped; of those carried over, which were
 * reworded, moved to another section or task, given another time,
 * another owner, or targets raised or lowered; and which paragraphs
 * were copied word for word.
 */

/* How alike two tasks must be to be the same task, carried over: the
 * share of character trigrams their leads, or their whole texts, have
 * in common.
 */
#define MATCH_THRESHOLD 0.5

/* Shorter paragraphs ("略。") say nothing about copying. */
#define MIN_COPIED_LENGTH 12

struct _JhTaskMatch
{
  JhTaskChange       change;
  JhTaskChangeFlags  flags;
  JhTask            *old_task;
  JhTask            *new_task;
  double             similarity;
  GArray            *target_changes;   /* JhTargetChange */
};

static void
target_change_clear (gpointer data)
{
  JhTargetChange *change = data;

  g_clear_object (&change->old_target);
  g_clear_object (&change->new_target);
}

static JhTaskMatch *
jh_task_match_new (JhTask *old_task,
                   JhTask *new_task,
                   double  similarity)
{
  JhTaskMatch *self = g_atomic_rc_box_new0 (JhTaskMatch);

  self->old_task = old_task ? g_object_ref (old_task) : NULL;
  self->new_task = new_task ? g_object_ref (new_task) : NULL;
  self->similarity = similarity;
  self->target_changes = g_array_new (FALSE, TRUE, sizeof (JhTargetChange));
  g_array_set_clear_func (self->target_changes, target_change_clear);

  if (old_task == NULL)
    self->change = JH_TASK_CHANGE_NEW;
  else if (new_task == NULL)
    self->change = JH_TASK_CHANGE_DROPPED;

  return self;
}

static void
jh_task_match_clear (JhTaskMatch *self)
{
  g_clear_object (&self->old_task);
  g_clear_object (&self->new_task);
  g_clear_pointer (&self->target_changes, g_array_unref);
}

JhTaskMatch *
jh_task_match_ref (JhTaskMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
jh_task_match_unref (JhTaskMatch *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) jh_task_match_clear);
}

G_DEFINE_BOXED_TYPE (JhTaskMatch, jh_task_match, jh_task_match_ref, jh_task_match_unref)

JhTaskChange
jh_task_match_get_change (JhTaskMatch *self)
{
  g_return_val_if_fail (self != NULL, JH_TASK_CHANGE_SAME);

  return self->change;
}

JhTaskChangeFlags
jh_task_match_get_flags (JhTaskMatch *self)
{
  g_return_val_if_fail (self != NULL, JH_TASK_CHANGE_FLAGS_NONE);

  return self->flags;
}

/**
 * jh_task_match_get_old_task:
 * @self: a #JhTaskMatch
 *
 * Returns: (transfer none) (nullable): the task in the old plan; %NULL
 *   for a new task
 */
JhTask *
jh_task_match_get_old_task (JhTaskMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->old_task;
}

/**
 * jh_task_match_get_new_task:
 * @self: a #JhTaskMatch
 *
 * Returns: (transfer none) (nullable): the task in the new plan; %NULL
 *   for a dropped task
 */
JhTask *
jh_task_match_get_new_task (JhTaskMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->new_task;
}

/**
 * jh_task_match_get_similarity:
 * @self: a #JhTaskMatch
 *
 * Returns: how alike the two tasks are, from 0 to 1; 0 for a task in
 *   one plan only
 */
double
jh_task_match_get_similarity (JhTaskMatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->similarity;
}

guint
jh_task_match_get_n_target_changes (JhTaskMatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->target_changes->len;
}

const JhTargetChange *
jh_task_match_get_target_change (JhTaskMatch *self,
                                 guint        index_)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index_ < self->target_changes->len, NULL);

  return &g_array_index (self->target_changes, JhTargetChange, index_);
}

/* ------------------------------------------------------------------ */

struct _JhPlanDiff
{
  GObject     parent_instance;

  JhPlan     *old_plan;
  JhPlan     *new_plan;
  GPtrArray  *matches;          /* JhTaskMatch: the new plan's tasks in order, then the dropped */
  GHashTable *match_by_task;    /* JhTask (of either plan) → JhTaskMatch */
  GArray     *copied;           /* JhCopiedParagraph */
  GStrv       changed_properties;
  gboolean    same;
};

G_DEFINE_FINAL_TYPE (JhPlanDiff, jh_plan_diff, G_TYPE_OBJECT)

static void
copied_paragraph_clear (gpointer data)
{
  JhCopiedParagraph *copied = data;

  g_clear_object (&copied->old_paragraph);
  g_clear_object (&copied->new_paragraph);
}

static void
jh_plan_diff_finalize (GObject *object)
{
  JhPlanDiff *self = (JhPlanDiff *) object;

  g_clear_object (&self->old_plan);
  g_clear_object (&self->new_plan);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->match_by_task, g_hash_table_unref);
  g_clear_pointer (&self->copied, g_array_unref);
  g_clear_pointer (&self->changed_properties, g_strfreev);

  G_OBJECT_CLASS (jh_plan_diff_parent_class)->finalize (object);
}

static void
jh_plan_diff_class_init (JhPlanDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jh_plan_diff_finalize;
}

static void
jh_plan_diff_init (JhPlanDiff *self)
{
  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_task_match_unref);
  self->match_by_task = g_hash_table_new (NULL, NULL);
  self->copied = g_array_new (FALSE, TRUE, sizeof (JhCopiedParagraph));
  g_array_set_clear_func (self->copied, copied_paragraph_clear);
}

/* A task as the comparison reads it. */
typedef struct
{
  JhTask *task;
  char   *lead;
  char   *text;
  gboolean matched;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->lead);
  g_free (entry->text);
}

/**
 * jh_task_dup_text_for_diff:
 * @task: a task
 *
 * Returns: (transfer full): the task's lead and body, a paragraph a
 *   line: what two years' versions of a task are compared by
 */
char *
jh_task_dup_text_for_diff (JhTask *task)
{
  GListModel *paragraphs;
  GString *text;

  g_return_val_if_fail (JH_IS_TASK (task), NULL);

  paragraphs = jh_task_get_paragraphs (task);
  text = g_string_new (jh_task_get_lead (task));
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      g_string_append_c (text, '\n');
      g_string_append (text, jh_paragraph_get_text (paragraph));
    }

  return g_string_free (text, FALSE);
}

static void
collect_tasks (GListModel *tasks,
               GArray     *entries)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      Entry entry = { 0 };

      entry.task = task;
      entry.lead = g_strdup (jh_task_get_lead (task));
      entry.text = jh_task_dup_text_for_diff (task);
      g_array_append_val (entries, entry);

      collect_tasks (jh_task_get_subtasks (task), entries);
    }
}

/* Every task of @plan, sub-tasks after their task, in document order.
 * The plan holds the tasks for as long as the entries are used.
 */
static GArray *
collect_plan_tasks (JhPlan *plan)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  GListModel *sections = jh_plan_get_sections (plan);

  g_array_set_clear_func (entries, entry_clear);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      collect_tasks (jh_section_get_tasks (section), entries);
    }

  return entries;
}

static double
task_similarity (const Entry *a,
                 const Entry *b)
{
  double lead = 0;

  if (*a->lead != '\0' && *b->lead != '\0')
    lead = jh_text_similarity (a->lead, b->lead, JH_SIMILARITY_JACCARD);

  return MAX (lead, jh_text_similarity (a->text, b->text, JH_SIMILARITY_JACCARD));
}

typedef struct
{
  guint  old_index;
  guint  new_index;
  double similarity;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  if (x->new_index != y->new_index)
    return x->new_index < y->new_index ? -1 : 1;

  return x->old_index < y->old_index ? -1 : x->old_index > y->old_index;
}

/* The section a task is in, as a reader names it. */
static gboolean
same_section (JhTask *old_task,
              JhTask *new_task)
{
  JhSection *a = jh_task_get_section (old_task);
  JhSection *b = jh_task_get_section (new_task);

  if (a == NULL || b == NULL)
    return a == b;

  return jh_section_get_kind (a) == jh_section_get_kind (b);
}

static gboolean
same_target (JhTarget *a,
             JhTarget *b)
{
  return jh_target_get_comparison (a) == jh_target_get_comparison (b) &&
         jh_target_get_number (a) == jh_target_get_number (b) &&
         g_strcmp0 (jh_target_get_unit (a), jh_target_get_unit (b)) == 0;
}

static void
compare_targets (JhTaskMatch *match)
{
  GListModel *old_targets = jh_task_get_targets (match->old_task);
  GListModel *new_targets = jh_task_get_targets (match->new_task);
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (old_targets); i++)
    {
      g_autoptr(JhTarget) old_target = g_list_model_get_item (old_targets, i);
      g_autoptr(JhTarget) new_target = NULL;
      JhTargetChange change = { 0 };

      for (guint j = 0; j < g_list_model_get_n_items (new_targets) && new_target == NULL; j++)
        {
          g_autoptr(JhTarget) candidate = g_list_model_get_item (new_targets, j);

          if (!g_hash_table_contains (taken, candidate) &&
              g_strcmp0 (jh_target_get_metric (candidate), jh_target_get_metric (old_target)) == 0)
            new_target = g_steal_pointer (&candidate);
        }

      if (new_target != NULL)
        {
          g_hash_table_add (taken, new_target);
          if (same_target (old_target, new_target))
            continue;
        }

      change.metric = jh_target_get_metric (old_target);
      change.old_target = g_object_ref (old_target);
      change.new_target = new_target ? g_object_ref (new_target) : NULL;
      if (new_target != NULL && jh_target_get_number (new_target) != jh_target_get_number (old_target))
        change.direction = jh_target_get_number (new_target) > jh_target_get_number (old_target) ? 1 : -1;
      g_array_append_val (match->target_changes, change);
    }

  for (guint j = 0; j < g_list_model_get_n_items (new_targets); j++)
    {
      g_autoptr(JhTarget) new_target = g_list_model_get_item (new_targets, j);
      JhTargetChange change = { 0 };

      if (g_hash_table_contains (taken, new_target))
        continue;

      change.metric = jh_target_get_metric (new_target);
      change.new_target = g_object_ref (new_target);
      g_array_append_val (match->target_changes, change);
    }
}

static void
classify (JhPlanDiff  *self,
          JhTaskMatch *match)
{
  JhTask *old_task = match->old_task;
  JhTask *new_task = match->new_task;
  JhTask *old_parent = jh_task_get_parent_task (old_task);
  JhTask *new_parent = jh_task_get_parent_task (new_task);
  g_autofree char *old_text = jh_task_dup_text_for_diff (old_task);
  g_autofree char *new_text = jh_task_dup_text_for_diff (new_task);
  JhTaskMatch *parent_match;

  if (g_strcmp0 (old_text, new_text) != 0)
    match->flags |= JH_TASK_CHANGE_REWORDED;

  if (g_strcmp0 (jh_task_get_timing (old_task), jh_task_get_timing (new_task)) != 0)
    match->flags |= JH_TASK_CHANGE_RETIMED;

  if (g_strcmp0 (jh_task_get_owner (old_task), jh_task_get_owner (new_task)) != 0 ||
      g_strcmp0 (jh_task_get_participants (old_task), jh_task_get_participants (new_task)) != 0)
    match->flags |= JH_TASK_CHANGE_OWNER;

  /* Moved: to a section of another kind, or under a task that is not
   * the one its old parent became.
   */
  parent_match = old_parent ? g_hash_table_lookup (self->match_by_task, old_parent) : NULL;
  if (!same_section (old_task, new_task) ||
      (old_parent == NULL) != (new_parent == NULL) ||
      (old_parent != NULL && (parent_match == NULL || parent_match->new_task != new_parent)))
    match->flags |= JH_TASK_CHANGE_MOVED;

  compare_targets (match);
  if (match->target_changes->len > 0)
    match->flags |= JH_TASK_CHANGE_TARGETS;

  match->change = match->flags == JH_TASK_CHANGE_FLAGS_NONE ? JH_TASK_CHANGE_SAME : JH_TASK_CHANGE_CARRIED;
}

static void
match_tasks (JhPlanDiff *self)
{
  g_autoptr(GArray) old_entries = collect_plan_tasks (self->old_plan);
  g_autoptr(GArray) new_entries = collect_plan_tasks (self->new_plan);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GPtrArray) by_new = g_ptr_array_new ();

  g_ptr_array_set_size (by_new, new_entries->len);

  for (guint n = 0; n < new_entries->len; n++)
    for (guint o = 0; o < old_entries->len; o++)
      {
        Candidate candidate = { o, n, 0 };

        candidate.similarity = task_similarity (&g_array_index (old_entries, Entry, o),
                                                &g_array_index (new_entries, Entry, n));
        if (candidate.similarity >= MATCH_THRESHOLD)
          g_array_append_val (candidates, candidate);
      }

  /* The most alike pairs first; each task is in one pair at most. */
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      Entry *old_entry = &g_array_index (old_entries, Entry, candidate->old_index);
      Entry *new_entry = &g_array_index (new_entries, Entry, candidate->new_index);
      JhTaskMatch *match;

      if (old_entry->matched || new_entry->matched)
        continue;

      old_entry->matched = new_entry->matched = TRUE;
      match = jh_task_match_new (old_entry->task, new_entry->task, candidate->similarity);
      g_ptr_array_index (by_new, candidate->new_index) = match;
      g_hash_table_insert (self->match_by_task, old_entry->task, match);
      g_hash_table_insert (self->match_by_task, new_entry->task, match);
    }

  for (guint n = 0; n < new_entries->len; n++)
    {
      JhTaskMatch *match = g_ptr_array_index (by_new, n);

      if (match == NULL)
        {
          match = jh_task_match_new (NULL, g_array_index (new_entries, Entry, n).task, 0);
          g_hash_table_insert (self->match_by_task, match->new_task, match);
        }
      g_ptr_array_add (self->matches, match);
    }

  for (guint o = 0; o < old_entries->len; o++)
    {
      Entry *entry = &g_array_index (old_entries, Entry, o);
      JhTaskMatch *match;

      if (entry->matched)
        continue;

      match = jh_task_match_new (entry->task, NULL, 0);
      g_hash_table_insert (self->match_by_task, entry->task, match);
      g_ptr_array_add (self->matches, match);
    }

  /* Parents are matched before their sub-tasks are classified. */
  for (guint i = 0; i < self->matches->len; i++)
    {
      JhTaskMatch *match = g_ptr_array_index (self->matches, i);

      if (match->old_task != NULL && match->new_task != NULL)
        classify (self, match);
    }
}

static void
collect_paragraphs (GListModel *paragraphs,
                    GPtrArray  *into)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    g_ptr_array_add (into, g_list_model_get_item (paragraphs, i));
}

static void
collect_task_paragraphs (GListModel *tasks,
                         GPtrArray  *into)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);

      collect_paragraphs (jh_task_get_paragraphs (task), into);
      collect_task_paragraphs (jh_task_get_subtasks (task), into);
    }
}

/* Every paragraph of @plan, the sections' own and the tasks'. */
static GPtrArray *
collect_plan_paragraphs (JhPlan *plan)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *sections = jh_plan_get_sections (plan);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      collect_paragraphs (jh_section_get_paragraphs (section), paragraphs);
      collect_task_paragraphs (jh_section_get_tasks (section), paragraphs);
    }

  return paragraphs;
}

static void
find_copied_paragraphs (JhPlanDiff *self)
{
  g_autoptr(GPtrArray) old_paragraphs = collect_plan_paragraphs (self->old_plan);
  g_autoptr(GPtrArray) new_paragraphs = collect_plan_paragraphs (self->new_plan);
  g_autoptr(GHashTable) old_by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < old_paragraphs->len; i++)
    {
      JhParagraph *paragraph = g_ptr_array_index (old_paragraphs, i);
      char *text = jh_text_normalize (jh_paragraph_get_text (paragraph));

      if (g_hash_table_contains (old_by_text, text))
        g_free (text);
      else
        g_hash_table_insert (old_by_text, text, paragraph);
    }

  for (guint i = 0; i < new_paragraphs->len; i++)
    {
      JhParagraph *paragraph = g_ptr_array_index (new_paragraphs, i);
      g_autofree char *text = jh_text_normalize (jh_paragraph_get_text (paragraph));
      JhParagraph *old_paragraph = g_hash_table_lookup (old_by_text, text);
      JhCopiedParagraph copied;

      if (old_paragraph == NULL || g_utf8_strlen (text, -1) < MIN_COPIED_LENGTH)
        continue;

      copied.old_paragraph = g_object_ref (old_paragraph);
      copied.new_paragraph = g_object_ref (paragraph);
      g_array_append_val (self->copied, copied);
    }
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (a == NULL || b == NULL || !g_date_valid (a) || !g_date_valid (b))
    return (a == NULL || !g_date_valid (a)) == (b == NULL || !g_date_valid (b));

  return g_date_compare (a, b) == 0;
}

static GStrv
find_changed_properties (JhPlan *a,
                         JhPlan *b)
{
  g_autoptr(GStrvBuilder) changed = g_strv_builder_new ();

  if (g_strcmp0 (jh_plan_get_title (a), jh_plan_get_title (b)) != 0)
    g_strv_builder_add (changed, "title");
  if (g_strcmp0 (jh_plan_get_organization (a), jh_plan_get_organization (b)) != 0)
    g_strv_builder_add (changed, "organization");
  if (jh_plan_get_year (a) != jh_plan_get_year (b))
    g_strv_builder_add (changed, "year");
  if (g_strcmp0 (jh_plan_get_drafter (a), jh_plan_get_drafter (b)) != 0)
    g_strv_builder_add (changed, "drafter");
  if (jh_plan_get_status (a) != jh_plan_get_status (b))
    g_strv_builder_add (changed, "status");
  if (g_strcmp0 (jh_plan_get_document_number (a), jh_plan_get_document_number (b)) != 0)
    g_strv_builder_add (changed, "document-number");
  if (!dates_equal (jh_plan_get_date (a), jh_plan_get_date (b)))
    g_strv_builder_add (changed, "date");
  if (g_strcmp0 (jh_plan_get_signoff_organization (a), jh_plan_get_signoff_organization (b)) != 0 ||
      !dates_equal (jh_plan_get_signoff_date (a), jh_plan_get_signoff_date (b)))
    g_strv_builder_add (changed, "signoff");

  return g_strv_builder_end (changed);
}

/* Whether the two plans say the same, as their files would. */
static gboolean
serialize_equal (JhPlan *a,
                 JhPlan *b)
{
  g_autoptr(GBytes) a_bytes = jh_plan_serialize (a, NULL);
  g_autoptr(GBytes) b_bytes = jh_plan_serialize (b, NULL);

  return a_bytes != NULL && b_bytes != NULL && g_bytes_equal (a_bytes, b_bytes);
}

/**
 * jh_plan_diff_new:
 * @old_plan: last year's plan, or an earlier version
 * @new_plan: this year's
 *
 * Compares the two plans.  Neither must change while the comparison is
 * used.
 *
 * Returns: (transfer full): the comparison
 */
JhPlanDiff *
jh_plan_diff_new (JhPlan *old_plan,
                  JhPlan *new_plan)
{
  JhPlanDiff *self;

  g_return_val_if_fail (JH_IS_PLAN (old_plan), NULL);
  g_return_val_if_fail (JH_IS_PLAN (new_plan), NULL);

  self = g_object_new (JH_TYPE_PLAN_DIFF, NULL);
  self->old_plan = g_object_ref (old_plan);
  self->new_plan = g_object_ref (new_plan);

  match_tasks (self);
  find_copied_paragraphs (self);
  self->changed_properties = find_changed_properties (old_plan, new_plan);
  self->same = serialize_equal (old_plan, new_plan);

  return self;
}

/**
 * jh_plan_diff_get_old_plan:
 * @self: a #JhPlanDiff
 *
 * Returns: (transfer none): the old plan
 */
JhPlan *
jh_plan_diff_get_old_plan (JhPlanDiff *self)
{
  g_return_val_if_fail (JH_IS_PLAN_DIFF (self), NULL);

  return self->old_plan;
}

/**
 * jh_plan_diff_get_new_plan:
 * @self: a #JhPlanDiff
 *
 * Returns: (transfer none): the new plan
 */
JhPlan *
jh_plan_diff_get_new_plan (JhPlanDiff *self)
{
  g_return_val_if_fail (JH_IS_PLAN_DIFF (self), NULL);

  return self->new_plan;
}

/**
 * jh_plan_diff_get_matches:
 * @self: a #JhPlanDiff
 *
 * Returns: (transfer none) (element-type JhTaskMatch): a match for every
 *   task of the new plan, in its order, then one for every task dropped
 *   from the old plan, in the old plan's order
 */
GPtrArray *
jh_plan_diff_get_matches (JhPlanDiff *self)
{
  g_return_val_if_fail (JH_IS_PLAN_DIFF (self), NULL);

  return self->matches;
}

/**
 * jh_plan_diff_find_match:
 * @self: a #JhPlanDiff
 * @task: a task of either plan
 *
 * Returns: (transfer none) (nullable): the match @task is in
 */
JhTaskMatch *
jh_plan_diff_find_match (JhPlanDiff *self,
                         JhTask     *task)
{
  g_return_val_if_fail (JH_IS_PLAN_DIFF (self), NULL);

  return g_hash_table_lookup (self->match_by_task, task);
}

guint
jh_plan_diff_count (JhPlanDiff   *self,
                    JhTaskChange  change)
{
  guint count = 0;

  g_return_val_if_fail (JH_IS_PLAN_DIFF (self), 0);

  for (guint i = 0; i < self->matches->len; i++)
    if (jh_task_match_get_change (g_ptr_array_index (self->matches, i)) == change)
      count++;

  return count;
}

guint
jh_plan_diff_get_n_copied (JhPlanDiff *self)
{
  g_return_val_if_fail (JH_IS_PLAN_DIFF (self), 0);

  return self->copied->len;
}

/**
 * jh_plan_diff_get_copied:
 * @self: a #JhPlanDiff
 * @index_: which one
 *
 * Returns: (transfer none): a paragraph of the new plan copied word for
 *   word from the old one, in the new plan's order
 */
const JhCopiedParagraph *
jh_plan_diff_get_copied (JhPlanDiff *self,
                         guint       index_)
{
  g_return_val_if_fail (JH_IS_PLAN_DIFF (self), NULL);
  g_return_val_if_fail (index_ < self->copied->len, NULL);

  return &g_array_index (self->copied, JhCopiedParagraph, index_);
}

/**
 * jh_plan_diff_dup_changed_properties:
 * @self: a #JhPlanDiff
 *
 * Returns: (transfer full): the names of the plan's properties that
 *   changed: title, organization, year, drafter, status,
 *   document-number, date, signoff
 */
GStrv
jh_plan_diff_dup_changed_properties (JhPlanDiff *self)
{
  g_return_val_if_fail (JH_IS_PLAN_DIFF (self), NULL);

  return g_strdupv (self->changed_properties);
}

/**
 * jh_plan_diff_is_same:
 * @self: a #JhPlanDiff
 *
 * Returns: whether the two plans say the same, word for word and in
 *   the same order
 */
gboolean
jh_plan_diff_is_same (JhPlanDiff *self)
{
  g_return_val_if_fail (JH_IS_PLAN_DIFF (self), FALSE);

  return self->same;
}

const char *
jh_task_change_to_nick (JhTaskChange change)
{
  switch (change)
    {
    case JH_TASK_CHANGE_SAME:
      return "same";
    case JH_TASK_CHANGE_CARRIED:
      return "carried";
    case JH_TASK_CHANGE_NEW:
      return "new";
    case JH_TASK_CHANGE_DROPPED:
      return "dropped";
    default:
      g_return_val_if_reached ("same");
    }
}
