/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jh-checker-private.h"
#include "jh-finding-private.h"
#include "jh-rule-private.h"
#include "jh-schedule-private.h"

/**
 * JhChecker:
 *
 * Checks plans against the rules of a #JhLibrarySet.  Each rule names a
 * category, and each category is one generic engine here, configured by
 * the rule: the pattern engine (formulation, placeholder, punctuation,
 * year), paired marks, enumerations, targets, required content, the
 * schedule, near-duplicates and reuse.  No rule is written in C.
 *
 * A check gives #JhFinding objects in document order.  For a window
 * that checks as the user types, #JhReport keeps the findings as a list
 * model and checks again only what changed.
 */

struct _JhChecker
{
  GObject       parent_instance;

  JhLibrarySet *libraries;
  GHashTable   *priors;       /* source name → JhPlan */
  gboolean      english;
  JhRule       *only_rule;    /* when a rule runs on its examples */
  GHashTable   *disabled;     /* ids of the rules the user switched off */
  guint         disabled_categories; /* bit per JhRuleCategory switched off */

  /* The library's clauses that are not current, in an index of their
   * own, made from (and kept with) the library set's index stale_of;
   * checks may run in several threads.
   */
  GMutex         stale_mutex;
  JhClauseIndex *stale_of;
  JhClauseIndex *stale_index;
};

G_DEFINE_FINAL_TYPE (JhChecker, jh_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARIES,
  PROP_ENGLISH,
  PROP_DISABLED_RULES,
  PROP_DISABLED_CATEGORIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A text of the plan the rules look at: a paragraph, a lead, a title. */
typedef struct
{
  JhFindingLocation  location;
  const char        *text;
  guint64            order;
} Unit;

/* What a rule found in a unit, before it becomes a #JhFinding with its
 * location; units that did not change keep theirs in the cache.
 */
typedef struct
{
  JhRule    *rule;
  glong      char_offset;
  glong      char_length;
  char      *text;
  char      *message;
  GPtrArray *fixes;
} Hit;

static void
hit_free (gpointer data)
{
  Hit *hit = data;

  g_clear_object (&hit->rule);
  g_free (hit->text);
  g_free (hit->message);
  g_clear_pointer (&hit->fixes, g_ptr_array_unref);
  g_free (hit);
}

typedef struct
{
  char          *text;
  JhSectionKind  kind;
  gboolean       has_section;
  guint          year;
  JhProvenance  *provenance;
  GPtrArray     *hits;
} CacheEntry;

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  /* The arrays of entries by field have gaps. */
  if (entry == NULL)
    return;

  g_free (entry->text);
  g_clear_pointer (&entry->provenance, jh_provenance_unref);
  g_clear_pointer (&entry->hits, g_ptr_array_unref);
  g_free (entry);
}

/* What the duplicate rule keeps between runs: the paragraphs in an
 * index, and for each the others like it, so that an edit costs one
 * query rather than one for every paragraph.
 */
typedef struct
{
  JhNode *node;
  double  similarity;
} Similar;

typedef struct
{
  char   *text;
  GArray *similar;   /* Similar, most similar first */
} DuplicateEntry;

static void
duplicate_entry_free (gpointer data)
{
  DuplicateEntry *entry = data;

  g_free (entry->text);
  g_array_unref (entry->similar);
  g_free (entry);
}

typedef struct
{
  JhRule        *rule;
  JhClauseIndex *index;     /* of the nodes, which it holds */
  GHashTable    *entries;   /* JhNode → DuplicateEntry */
} DuplicateState;

static DuplicateState *
duplicate_state_new (JhRule *rule)
{
  DuplicateState *state = g_new0 (DuplicateState, 1);

  state->rule = g_object_ref (rule);
  state->index = jh_clause_index_new ();
  state->entries = g_hash_table_new_full (NULL, NULL, NULL, duplicate_entry_free);

  return state;
}

static void
duplicate_state_free (DuplicateState *state)
{
  g_hash_table_unref (state->entries);
  g_object_unref (state->index);
  g_object_unref (state->rule);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DuplicateState, duplicate_state_free)

struct _JhCheckCache
{
  /* node → GPtrArray of CacheEntry, by field */
  GHashTable      *entries;
  /* the time expressions in the texts, for the schedule */
  JhScheduleFinds *finds;
  /* JhRule → DuplicateState */
  GHashTable      *duplicates;
};

typedef struct
{
  JhChecker     *checker;
  JhPlan        *plan;
  guint          year;
  gboolean       is_plan;
  GPtrArray     *rules;          /* the rules that apply to this plan */
  GHashTable    *rank;           /* rule → its position in rules + 1 */
  GHashTable    *failed;         /* rules dropped after a failed match */
  GPtrArray     *units;          /* Unit, in document order */
  GHashTable    *units_by_node;  /* node → GPtrArray of Unit */
  GHashTable    *section_units;  /* section → its first Unit */
  GPtrArray     *findings;
  JhCheckCache  *cache;
  JhSchedule    *schedule;
  GHashTable    *prior_texts;    /* JhPlan → GHashTable of normalised texts */
} Run;

static void
jh_checker_finalize (GObject *object)
{
  JhChecker *self = (JhChecker *) object;

  g_clear_object (&self->libraries);
  g_clear_pointer (&self->priors, g_hash_table_unref);
  g_clear_object (&self->only_rule);
  g_clear_pointer (&self->disabled, g_hash_table_unref);
  g_clear_object (&self->stale_of);
  g_clear_object (&self->stale_index);
  g_mutex_clear (&self->stale_mutex);

  G_OBJECT_CLASS (jh_checker_parent_class)->finalize (object);
}

static void
jh_checker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JhChecker *self = JH_CHECKER (object);

  switch (prop_id)
    {
    case PROP_LIBRARIES:
      g_value_set_object (value, self->libraries);
      break;

    case PROP_ENGLISH:
      g_value_set_boolean (value, self->english);
      break;

    case PROP_DISABLED_RULES:
      g_value_take_boxed (value, jh_checker_dup_disabled_rules (self));
      break;

    case PROP_DISABLED_CATEGORIES:
      g_value_take_boxed (value, jh_checker_dup_disabled_categories (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_checker_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JhChecker *self = JH_CHECKER (object);

  switch (prop_id)
    {
    case PROP_LIBRARIES:
      self->libraries = g_value_dup_object (value);
      break;

    case PROP_ENGLISH:
      jh_checker_set_english (self, g_value_get_boolean (value));
      break;

    case PROP_DISABLED_RULES:
      jh_checker_set_disabled_rules (self, g_value_get_boxed (value));
      break;

    case PROP_DISABLED_CATEGORIES:
      jh_checker_set_disabled_categories (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_checker_class_init (JhCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jh_checker_finalize;
  object_class->get_property = jh_checker_get_property;
  object_class->set_property = jh_checker_set_property;

  properties[PROP_LIBRARIES] =
    g_param_spec_object ("libraries", NULL, NULL,
                         JH_TYPE_LIBRARY_SET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * JhChecker:english:
   *
   * Whether findings give the rules' English messages (where a rule has
   * one) rather than their Chinese ones.  It follows the locale at
   * first.
   */
  properties[PROP_ENGLISH] =
    g_param_spec_boolean ("english", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhChecker:disabled-rules:
   *
   * The ids of the rules the user switched off, which find nothing.  A
   * string array, so that it binds to a GSettings key of type "as".
   */
  properties[PROP_DISABLED_RULES] =
    g_param_spec_boxed ("disabled-rules", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhChecker:disabled-categories:
   *
   * The nicks of the rule categories the user switched off (see
   * jh_rule_category_to_nick()): no rule of theirs finds anything.  A
   * string array, so that it binds to a GSettings key of type "as".
   */
  properties[PROP_DISABLED_CATEGORIES] =
    g_param_spec_boxed ("disabled-categories", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_checker_init (JhChecker *self)
{
  self->priors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->disabled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->english = _jh_prefer_english ();
  g_mutex_init (&self->stale_mutex);
}

/**
 * jh_checker_new:
 * @libraries: the libraries whose rules and clauses to check against
 *
 * Returns: (transfer full): a new checker
 */
JhChecker *
jh_checker_new (JhLibrarySet *libraries)
{
  g_return_val_if_fail (JH_IS_LIBRARY_SET (libraries), NULL);

  return g_object_new (JH_TYPE_CHECKER,
                       "libraries", libraries,
                       NULL);
}

/**
 * jh_checker_set_disabled_rules:
 * @self: a #JhChecker
 * @rule_ids: (nullable) (array zero-terminated=1): the ids of the rules
 *   to switch off; %NULL or empty for none
 *
 * Switches rules off: their findings are left out of every check from
 * now on.  Ids of rules no library has are kept, harmlessly, so that a
 * rule switched off comes back off when its library is loaded again.
 */
void
jh_checker_set_disabled_rules (JhChecker          *self,
                               const char * const *rule_ids)
{
  g_autoptr(GHashTable) disabled = NULL;
  gboolean changed;

  g_return_if_fail (JH_IS_CHECKER (self));

  disabled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; rule_ids != NULL && rule_ids[i] != NULL; i++)
    g_hash_table_add (disabled, g_strdup (rule_ids[i]));

  changed = g_hash_table_size (disabled) != g_hash_table_size (self->disabled);
  if (!changed)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, disabled);
      while (!changed && g_hash_table_iter_next (&iter, &id, NULL))
        changed = !g_hash_table_contains (self->disabled, id);
    }

  if (!changed)
    return;

  g_hash_table_unref (self->disabled);
  self->disabled = g_steal_pointer (&disabled);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISABLED_RULES]);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * jh_checker_dup_disabled_rules:
 * @self: a #JhChecker
 *
 * Returns: (transfer full): the ids of the rules switched off, sorted
 */
GStrv
jh_checker_dup_disabled_rules (JhChecker *self)
{
  g_autofree gpointer *ids = NULL;
  GStrv copy;
  guint n_ids;

  g_return_val_if_fail (JH_IS_CHECKER (self), NULL);

  ids = g_hash_table_get_keys_as_array (self->disabled, &n_ids);
  copy = g_new0 (char *, n_ids + 1);
  for (guint i = 0; i < n_ids; i++)
    copy[i] = g_strdup (ids[i]);
  qsort (copy, n_ids, sizeof (char *), compare_strings);

  return copy;
}

/**
 * jh_checker_set_disabled_categories:
 * @self: a #JhChecker
 * @category_nicks: (nullable) (array zero-terminated=1): the nicks of
 *   the categories to switch off; %NULL or empty for none
 *
 * Switches whole categories of rules off.  Nicks no category has are
 * ignored, so that a setting written by a newer version does no harm.
 */
void
jh_checker_set_disabled_categories (JhChecker          *self,
                                    const char * const *category_nicks)
{
  guint categories = 0;

  g_return_if_fail (JH_IS_CHECKER (self));

  for (guint i = 0; category_nicks != NULL && category_nicks[i] != NULL; i++)
    {
      JhRuleCategory category;

      if (jh_rule_category_from_nick (category_nicks[i], &category))
        categories |= 1u << category;
    }

  if (categories == self->disabled_categories)
    return;

  self->disabled_categories = categories;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISABLED_CATEGORIES]);
}

/**
 * jh_checker_dup_disabled_categories:
 * @self: a #JhChecker
 *
 * Returns: (transfer full): the nicks of the categories switched off,
 *   in the order of #JhRuleCategory
 */
GStrv
jh_checker_dup_disabled_categories (JhChecker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (JH_IS_CHECKER (self), NULL);

  for (guint category = 0; category <= JH_RULE_CATEGORY_REUSE; category++)
    if (self->disabled_categories & (1u << category))
      g_strv_builder_add (builder, jh_rule_category_to_nick (category));

  return g_strv_builder_end (builder);
}

/**
 * jh_checker_is_category_disabled:
 * @self: a #JhChecker
 * @category: a rule category
 *
 * Returns: whether the user switched the whole category off
 */
gboolean
jh_checker_is_category_disabled (JhChecker      *self,
                                 JhRuleCategory  category)
{
  g_return_val_if_fail (JH_IS_CHECKER (self), FALSE);

  return (self->disabled_categories & (1u << category)) != 0;
}

/**
 * jh_checker_is_rule_disabled:
 * @self: a #JhChecker
 * @rule_id: a rule's id
 *
 * Returns: whether the user switched the rule off
 */
gboolean
jh_checker_is_rule_disabled (JhChecker  *self,
                             const char *rule_id)
{
  g_return_val_if_fail (JH_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);

  return g_hash_table_contains (self->disabled, rule_id);
}

/**
 * jh_checker_get_libraries:
 * @self: a #JhChecker
 *
 * Returns: (transfer none): the libraries checked against
 */
JhLibrarySet *
jh_checker_get_libraries (JhChecker *self)
{
  g_return_val_if_fail (JH_IS_CHECKER (self), NULL);

  return self->libraries;
}

gboolean
jh_checker_get_english (JhChecker *self)
{
  g_return_val_if_fail (JH_IS_CHECKER (self), FALSE);

  return self->english;
}

void
jh_checker_set_english (JhChecker *self,
                        gboolean   english)
{
  g_return_if_fail (JH_IS_CHECKER (self));

  english = !!english;
  if (self->english == english)
    return;

  self->english = english;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGLISH]);
}

/**
 * jh_checker_add_prior_plan:
 * @self: a #JhChecker
 * @source: the name reused paragraphs give as their source, as
 *   jh_plan_carry_over() records it (the prior plan's file name)
 * @plan: that plan
 *
 * Tells the checker what last year's plan said, so that the paragraphs
 * carried over from it and left unchanged can be pointed out.  Without
 * it, a carried-over paragraph cannot be told from an edited one.
 */
void
jh_checker_add_prior_plan (JhChecker  *self,
                           const char *source,
                           JhPlan     *plan)
{
  g_return_if_fail (JH_IS_CHECKER (self));
  g_return_if_fail (source != NULL);
  g_return_if_fail (JH_IS_PLAN (plan));

  g_hash_table_replace (self->priors, g_strdup (source), g_object_ref (plan));
}

/* Caching. */

/**
 * _jh_check_cache_new:
 *
 * Returns: (transfer full): an empty cache
 */
JhCheckCache *
_jh_check_cache_new (void)
{
  JhCheckCache *cache = g_new0 (JhCheckCache, 1);

  cache->entries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  cache->finds = _jh_schedule_finds_new ();
  cache->duplicates = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) duplicate_state_free);

  return cache;
}

void
_jh_check_cache_free (JhCheckCache *cache)
{
  if (cache == NULL)
    return;

  g_clear_pointer (&cache->entries, g_hash_table_unref);
  g_clear_pointer (&cache->finds, _jh_schedule_finds_free);
  g_clear_pointer (&cache->duplicates, g_hash_table_unref);
  g_free (cache);
}

/**
 * _jh_check_cache_forget:
 * @cache: a cache
 * @node: (nullable): a node whose texts changed, or %NULL for all
 *
 * The cache notices changed text by itself; this only frees what it
 * holds for a node sooner.
 */
void
_jh_check_cache_forget (JhCheckCache *cache,
                        JhNode       *node)
{
  if (node == NULL)
    g_hash_table_remove_all (cache->entries);
  else
    g_hash_table_remove (cache->entries, node);
}

static GPtrArray *
cache_lookup (Run  *run,
              Unit *unit)
{
  GPtrArray *entries;
  JhProvenance *provenance = NULL;

  if (run->cache == NULL)
    return NULL;

  entries = g_hash_table_lookup (run->cache->entries, unit->location.node);
  if (entries == NULL || (guint) unit->location.field >= entries->len)
    return NULL;

  if (unit->location.field == JH_FINDING_FIELD_PARAGRAPH)
    provenance = jh_paragraph_get_provenance (JH_PARAGRAPH (unit->location.node));

  {
    CacheEntry *entry = g_ptr_array_index (entries, unit->location.field);

    if (entry == NULL ||
        entry->year != run->year ||
        entry->has_section != (unit->location.section != NULL) ||
        (unit->location.section != NULL && entry->kind != jh_section_get_kind (unit->location.section)) ||
        !jh_provenance_equal (entry->provenance, provenance) ||
        g_strcmp0 (entry->text, unit->text) != 0)
      return NULL;

    return entry->hits;
  }
}

static void
cache_store (Run       *run,
             Unit      *unit,
             GPtrArray *hits)
{
  GPtrArray *entries;
  CacheEntry *entry, *old;

  if (run->cache == NULL)
    return;

  entries = g_hash_table_lookup (run->cache->entries, unit->location.node);
  if (entries == NULL)
    {
      entries = g_ptr_array_new_with_free_func (cache_entry_free);
      g_hash_table_insert (run->cache->entries, unit->location.node, entries);
    }
  if (entries->len <= (guint) unit->location.field)
    g_ptr_array_set_size (entries, unit->location.field + 1);

  entry = g_new0 (CacheEntry, 1);
  entry->text = g_strdup (unit->text);
  entry->year = run->year;
  entry->has_section = unit->location.section != NULL;
  entry->kind = unit->location.section ? jh_section_get_kind (unit->location.section) : JH_SECTION_KIND_OTHER;
  if (unit->location.field == JH_FINDING_FIELD_PARAGRAPH)
    {
      JhProvenance *provenance = jh_paragraph_get_provenance (JH_PARAGRAPH (unit->location.node));

      entry->provenance = provenance ? jh_provenance_ref (provenance) : NULL;
    }
  entry->hits = g_ptr_array_ref (hits);

  old = g_ptr_array_index (entries, unit->location.field);
  if (old != NULL)
    cache_entry_free (old);
  g_ptr_array_index (entries, unit->location.field) = entry;
}

/* Units: the texts of the plan in document order. */

static Unit *
add_unit (Run                     *run,
          const JhFindingLocation *location,
          const char              *text)
{
  Unit *unit = g_new0 (Unit, 1);
  GPtrArray *units;

  unit->location = *location;
  unit->text = text ? text : "";
  unit->order = run->units->len + 1;
  g_ptr_array_add (run->units, unit);

  units = g_hash_table_lookup (run->units_by_node, location->node);
  if (units == NULL)
    {
      units = g_ptr_array_new ();
      g_hash_table_insert (run->units_by_node, location->node, units);
    }
  g_ptr_array_add (units, unit);

  return unit;
}

static Unit *
find_unit (Run            *run,
           gpointer        node,
           JhFindingField  field)
{
  GPtrArray *units = g_hash_table_lookup (run->units_by_node, node);

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      Unit *unit = g_ptr_array_index (units, i);

      if (unit->location.field == field)
        return unit;
    }

  return NULL;
}

static void
add_paragraph_units (Run               *run,
                     JhFindingLocation  location,
                     GListModel        *paragraphs)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      location.field = JH_FINDING_FIELD_PARAGRAPH;
      location.node = JH_NODE (paragraph);
      location.paragraph_index = i;
      add_unit (run, &location, jh_paragraph_get_text (paragraph));
    }
}

static void
add_task_units (Run               *run,
                JhFindingLocation  location,
                GListModel        *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      static const JhFindingField fields[] = {
        JH_FINDING_FIELD_LEAD, JH_FINDING_FIELD_OWNER,
        JH_FINDING_FIELD_PARTICIPANTS, JH_FINDING_FIELD_TIMING,
      };

      location.task = task;
      location.node = JH_NODE (task);
      location.paragraph_index = -1;

      /* The lead is a unit even when empty: findings about the task
       * as a whole are placed there.
       */
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *text;

          switch (fields[f])
            {
            case JH_FINDING_FIELD_LEAD:
              text = jh_task_get_lead (task);
              break;
            case JH_FINDING_FIELD_OWNER:
              text = jh_task_get_owner (task);
              break;
            case JH_FINDING_FIELD_PARTICIPANTS:
              text = jh_task_get_participants (task);
              break;
            case JH_FINDING_FIELD_TIMING:
            default:
              text = jh_task_get_timing (task);
              break;
            }

          if (fields[f] != JH_FINDING_FIELD_LEAD && (text == NULL || *text == '\0'))
            continue;

          location.field = fields[f];
          add_unit (run, &location, text);
        }

      add_paragraph_units (run, location, jh_task_get_paragraphs (task));
      add_task_units (run, location, jh_task_get_subtasks (task));
    }
}

static void
collect_units (Run *run)
{
  JhFindingLocation location = { 0 };
  GListModel *sections = jh_plan_get_sections (run->plan);

  location.node = JH_NODE (run->plan);
  location.section_index = -1;
  location.paragraph_index = -1;

  location.field = JH_FINDING_FIELD_PLAN;
  add_unit (run, &location, "");
  location.field = JH_FINDING_FIELD_TITLE;
  add_unit (run, &location, jh_plan_get_title (run->plan));
  location.field = JH_FINDING_FIELD_ORGANIZATION;
  add_unit (run, &location, jh_plan_get_organization (run->plan));

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      JhFindingLocation section_location = { 0 };
      Unit *unit;

      section_location.section = section;
      section_location.section_index = i;
      section_location.paragraph_index = -1;
      section_location.node = JH_NODE (section);

      section_location.field = JH_FINDING_FIELD_SECTION;
      unit = add_unit (run, &section_location, "");
      g_hash_table_insert (run->section_units, section, unit);

      section_location.field = JH_FINDING_FIELD_SECTION_TITLE;
      add_unit (run, &section_location, jh_section_get_title (section));

      add_paragraph_units (run, section_location, jh_section_get_paragraphs (section));
      add_task_units (run, section_location, jh_section_get_tasks (section));
    }

  location.field = JH_FINDING_FIELD_SIGNOFF;
  add_unit (run, &location, jh_plan_get_signoff_organization (run->plan));
}

/* Hits and findings. */

static char *
dup_substring (const char *text,
               gsize       start,
               gsize       end)
{
  return g_strndup (text + start, end - start);
}

static void
set_variable (GHashTable *variables,
              const char *name,
              const char *value)
{
  g_hash_table_insert (variables, g_strdup (name), g_strdup (value ? value : ""));
}

static GHashTable *
new_variables (Run        *run,
               const char *text)
{
  GHashTable *variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  char year[16];

  g_snprintf (year, sizeof year, "%u", run->year);
  set_variable (variables, "text", text);
  set_variable (variables, "year", year);

  return variables;
}

static char *
expand_template (const char *template,
                 GHashTable *variables)
{
  GString *result = g_string_new (NULL);

  for (const char *p = template; *p != '\0';)
    {
      const char *end = *p == '{' ? strchr (p, '}') : NULL;
      const char *value = NULL;

      if (end != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, end - p - 1);

          value = g_hash_table_lookup (variables, name);
        }

      if (value != NULL)
        {
          g_string_append (result, value);
          p = end + 1;
        }
      else
        g_string_append_c (result, *p++);
    }

  return g_string_free (result, FALSE);
}

static char *
map_characters (const char *map,
                const char *text)
{
  GString *result = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar mapped = c;

      for (const char *m = map; *m != '\0';)
        {
          gunichar from = g_utf8_get_char (m);
          const char *to = g_utf8_next_char (m);

          if (*to == '\0')
            break;
          if (from == c)
            {
              mapped = g_utf8_get_char (to);
              break;
            }
          m = g_utf8_next_char (to);
        }

      g_string_append_unichar (result, mapped);
    }

  return g_string_free (result, FALSE);
}

static void
add_fix (GPtrArray  *fixes,
         JhFix      *fix,
         const char *flagged)
{
  for (guint i = 0; i < fixes->len; i++)
    {
      JhFix *other = g_ptr_array_index (fixes, i);

      if (jh_fix_get_kind (other) == jh_fix_get_kind (fix) &&
          g_strcmp0 (jh_fix_get_replacement (other), jh_fix_get_replacement (fix)) == 0 &&
          g_strcmp0 (jh_fix_get_clause_id (other), jh_fix_get_clause_id (fix)) == 0)
        {
          jh_fix_unref (fix);
          return;
        }
    }

  /* Replacing a text with itself is no fix. */
  if (jh_fix_get_kind (fix) == JH_FIX_KIND_REPLACE && flagged != NULL &&
      g_strcmp0 (jh_fix_get_replacement (fix), flagged) == 0)
    {
      jh_fix_unref (fix);
      return;
    }

  g_ptr_array_add (fixes, fix);
}

/* The rule's fixes for a hit: @pattern and @match_start are the match,
 * for fixes that use its groups.
 */
static GPtrArray *
make_fixes (Run        *run,
            JhRule     *rule,
            const char *flagged,
            GHashTable *variables,
            JhPattern  *pattern,
            const char *unit_text,
            gsize       match_start)
{
  GPtrArray *fixes = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_fix_unref);

  for (guint i = 0; i < rule->fixes->len; i++)
    {
      JhFixTemplate *template = g_ptr_array_index (rule->fixes, i);
      g_autofree char *replacement = NULL;

      if (template->for_text != NULL && g_strcmp0 (template->for_text, flagged) != 0)
        continue;
      if ((template->from != 0 && run->year < template->from) ||
          (template->until != 0 && run->year > template->until))
        continue;

      switch (template->kind)
        {
        case JH_FIX_TEMPLATE_CLAUSE:
          add_fix (fixes, jh_fix_new_clause (template->text,
                                             jh_library_set_find_clause (run->checker->libraries, template->text)),
                   flagged);
          continue;

        case JH_FIX_TEMPLATE_MAP:
          replacement = map_characters (template->text, flagged);
          break;

        case JH_FIX_TEMPLATE_EXPAND:
          if (pattern != NULL && unit_text != NULL)
            replacement = _jh_pattern_expand (pattern, unit_text, match_start, template->text);
          break;

        case JH_FIX_TEMPLATE_REPLACE:
        default:
          replacement = expand_template (template->text, variables);
          break;
        }

      if (replacement != NULL)
        add_fix (fixes, jh_fix_new_replace (replacement), flagged);
    }

  return fixes;
}

/* Records a hit; @start and @end are bytes of @unit_text. */
static void
add_hit (Run        *run,
         GPtrArray  *hits,
         JhRule     *rule,
         const char *unit_text,
         gsize       start,
         gsize       end,
         GHashTable *variables,
         GPtrArray  *fixes)
{
  Hit *hit = g_new0 (Hit, 1);
  g_autoptr(GPtrArray) no_fixes = NULL;

  hit->rule = g_object_ref (rule);
  hit->char_offset = g_utf8_pointer_to_offset (unit_text, unit_text + start);
  hit->char_length = g_utf8_pointer_to_offset (unit_text + start, unit_text + end);
  hit->text = dup_substring (unit_text, start, end);

  /* {fix} names the first fix, for messages that say what to write. */
  if (fixes != NULL && fixes->len > 0 && !g_hash_table_contains (variables, "fix"))
    {
      JhFix *fix = g_ptr_array_index (fixes, 0);

      if (jh_fix_get_kind (fix) == JH_FIX_KIND_REPLACE)
        set_variable (variables, "fix", jh_fix_get_replacement (fix));
      else if (jh_fix_get_clause (fix) != NULL)
        set_variable (variables, "fix", jh_clause_get_title (jh_fix_get_clause (fix)));
    }

  hit->message = _jh_rule_format (rule, run->checker->english, variables);
  hit->fixes = fixes ? g_ptr_array_ref (fixes) : g_ptr_array_new_with_free_func ((GDestroyNotify) jh_fix_unref);

  g_ptr_array_add (hits, hit);
}

static void
rule_failed (Run        *run,
             JhRule     *rule,
             GError     *error)
{
  /* A pattern that ran into PCRE's backtracking limit is dropped for
   * the rest of the check, so that it costs its time only once.
   */
  g_debug ("Rule %s is skipped: %s", rule->id, error->message);
  g_hash_table_add (run->failed, rule);
}

static gboolean
is_failed (Run    *run,
           JhRule *rule)
{
  return g_hash_table_contains (run->failed, rule);
}

static gboolean
rule_applies (JhRule *rule,
              Unit   *unit)
{
  if (rule->kinds == 0)
    return TRUE;

  return unit->location.section != NULL &&
         jh_rule_applies_to_kind (rule, jh_section_get_kind (unit->location.section));
}

/* The pattern engine: formulation, placeholder, punctuation, year. */

static gboolean
is_excepted (Run        *run,
             JhRule     *rule,
             const char *text,
             gsize       start,
             gsize       end)
{
  for (guint i = 0; i < rule->exceptions->len; i++)
    {
      JhPattern *exception = g_ptr_array_index (rule->exceptions, i);
      g_autoptr(GError) error = NULL;
      gboolean matches = FALSE;

      switch (exception->scope)
        {
        case JH_PATTERN_SCOPE_MATCH:
          matches = _jh_pattern_overlaps (exception, text, start, end, &error);
          break;

        case JH_PATTERN_SCOPE_SENTENCE:
          {
            gsize sentence_start, sentence_end;

            _jh_text_get_sentence (text, start, end, &sentence_start, &sentence_end);
            matches = _jh_pattern_matches (exception, text + sentence_start,
                                           sentence_end - sentence_start, &error);
          }
          break;

        case JH_PATTERN_SCOPE_PARAGRAPH:
        default:
          matches = _jh_pattern_matches (exception, text, strlen (text), &error);
          break;
        }

      if (error != NULL)
        {
          rule_failed (run, rule, error);
          return TRUE;
        }

      if (matches)
        return TRUE;
    }

  return FALSE;
}

/* Reads the year in a match: four digits, Arabic (2025) or Chinese
 * (二〇二五).  Returns 0 when there is none.
 */
static guint
parse_year (const char *text,
            gsize       length)
{
  static const char * const chinese_digits[] = {
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九",
  };
  guint year = 0;
  guint n_digits = 0;

  for (const char *p = text; p < text + length && n_digits < 4; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = -1;

      if (c >= '0' && c <= '9')
        digit = c - '0';
      else if (c >= 0xFF10 && c <= 0xFF19)
        digit = c - 0xFF10;
      else if (c == 0x25CB /* ○ */ || c == 0x96F6 /* 零 */)
        digit = 0;
      else
        for (guint d = 0; d < G_N_ELEMENTS (chinese_digits); d++)
          if (g_str_has_prefix (p, chinese_digits[d]))
            digit = d;

      if (digit < 0)
        {
          year = 0;
          n_digits = 0;
          continue;
        }

      year = year * 10 + digit;
      n_digits++;
    }

  return n_digits == 4 ? year : 0;
}

static gboolean
year_is_flagged (JhRule *rule,
                 guint   year,
                 guint   plan_year)
{
  if (year < JH_PLAN_MIN_YEAR || year > JH_PLAN_MAX_YEAR)
    return FALSE;

  switch (rule->years)
    {
    case JH_YEARS_AFTER:
      return year > plan_year;
    case JH_YEARS_OTHER:
      return year != plan_year;
    case JH_YEARS_BEFORE:
    default:
      return year < plan_year;
    }
}

static void
run_patterns (Run       *run,
              JhRule    *rule,
              Unit      *unit,
              GPtrArray *hits)
{
  for (guint i = 0; i < rule->patterns->len && !is_failed (run, rule); i++)
    {
      JhPattern *pattern = g_ptr_array_index (rule->patterns, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) matches = _jh_pattern_find_all (pattern, unit->text, &error);

      if (matches == NULL)
        {
          rule_failed (run, rule, error);
          return;
        }

      for (guint m = 0; m < matches->len; m++)
        {
          JhPatternMatch *match = &g_array_index (matches, JhPatternMatch, m);
          g_autofree char *flagged = dup_substring (unit->text, match->start, match->end);
          g_autoptr(GHashTable) variables = NULL;
          g_autoptr(GPtrArray) fixes = NULL;

          if (rule->category == JH_RULE_CATEGORY_YEAR)
            {
              guint year = parse_year (flagged, strlen (flagged));

              if (year == 0 || !year_is_flagged (rule, year, run->year))
                continue;
            }

          if (is_excepted (run, rule, unit->text, match->start, match->end))
            continue;

          variables = new_variables (run, flagged);
          fixes = make_fixes (run, rule, flagged, variables, pattern, unit->text, match->start);
          add_hit (run, hits, rule, unit->text, match->start, match->end, variables, fixes);
        }
    }
}

/* Paired marks: “ ” （ ） 《 》, each open closed, in order. */

typedef struct
{
  guint pair;
  gsize offset;
  gsize length;
} OpenMark;

static void
add_pair_hit (Run       *run,
              JhRule    *rule,
              Unit      *unit,
              GPtrArray *hits,
              gsize      offset,
              gsize      length)
{
  g_autofree char *flagged = dup_substring (unit->text, offset, offset + length);
  g_autoptr(GHashTable) variables = new_variables (run, flagged);
  g_autoptr(GPtrArray) fixes = make_fixes (run, rule, flagged, variables, NULL, NULL, 0);

  add_hit (run, hits, rule, unit->text, offset, offset + length, variables, fixes);
}

static void
run_pairs (Run       *run,
           JhRule    *rule,
           Unit      *unit,
           GPtrArray *hits)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (OpenMark));

  for (const char *p = unit->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize offset = p - unit->text;
      gsize length = g_utf8_next_char (p) - p;

      for (guint i = 0; i < rule->pairs->len; i++)
        {
          JhPair *pair = &g_array_index (rule->pairs, JhPair, i);

          if (c == pair->open)
            {
              OpenMark mark = { i, offset, length };

              g_array_append_val (stack, mark);
            }
          else if (c == pair->close)
            {
              int depth;

              for (depth = (int) stack->len - 1; depth >= 0; depth--)
                if (g_array_index (stack, OpenMark, depth).pair == i)
                  break;

              if (depth < 0)
                {
                  add_pair_hit (run, rule, unit, hits, offset, length);
                  continue;
                }

              /* Marks opened inside this pair and never closed. */
              for (int j = (int) stack->len - 1; j > depth; j--)
                {
                  OpenMark *mark = &g_array_index (stack, OpenMark, j);

                  add_pair_hit (run, rule, unit, hits, mark->offset, mark->length);
                }
              g_array_set_size (stack, depth);
            }
        }
    }

  for (guint j = 0; j < stack->len; j++)
    {
      OpenMark *mark = &g_array_index (stack, OpenMark, j);

      add_pair_hit (run, rule, unit, hits, mark->offset, mark->length);
    }
}

/* Reuse of library clauses, per paragraph. */

static double
similarity_to (JhClause   *clause,
               const char *text)
{
  return jh_text_similarity (text, jh_clause_get_text (clause), JH_SIMILARITY_CONTAINMENT);
}

static const char *
status_word (Run            *run,
             JhClauseStatus  status)
{
  if (run->checker->english)
    return status == JH_CLAUSE_STATUS_HISTORICAL ? "historical" : "superseded";

  return status == JH_CLAUSE_STATUS_HISTORICAL ? "已成历史" : "已被替代";
}

static void
add_whole_hit (Run        *run,
               GPtrArray  *hits,
               JhRule     *rule,
               Unit       *unit,
               GHashTable *variables,
               GPtrArray  *fixes)
{
  add_hit (run, hits, rule, unit->text, 0, strlen (unit->text), variables, fixes);
}

/* The index of the clauses of @index that are not current.  The library
 * set makes a new index whenever its clauses change, so one made from
 * the same index is up to date.
 */
static JhClauseIndex *
dup_stale_index (JhChecker     *self,
                 JhClauseIndex *index)
{
  JhClauseIndex *stale_index;

  g_mutex_lock (&self->stale_mutex);
  if (self->stale_of != index)
    {
      GListModel *clauses = jh_library_set_get_clauses (self->libraries);

      g_clear_object (&self->stale_index);
      g_set_object (&self->stale_of, index);
      self->stale_index = jh_clause_index_new ();
      for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
        {
          g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

          if (jh_clause_get_status (clause) != JH_CLAUSE_STATUS_CURRENT)
            jh_clause_index_add (self->stale_index, clause, jh_clause_get_text (clause));
        }
    }
  stale_index = g_object_ref (self->stale_index);
  g_mutex_unlock (&self->stale_mutex);

  return stale_index;
}

/* Whether an old clause is (nearly all) in @text: a paragraph that only
 * shares a phrase with a longer old clause has not reused it.
 */
static gboolean
is_old_clause_share (JhClauseIndexMatch *match)
{
  double clause_share = match->n_item > 0 ? (double) match->n_shared / match->n_item : 0;

  return clause_share >= 0.6;
}

static void
run_superseded_clause (Run       *run,
                       JhRule    *rule,
                       Unit      *unit,
                       GPtrArray *hits)
{
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GHashTable) variables = NULL;
  g_autoptr(GPtrArray) fixes = NULL;
  JhClauseIndexMatch *stale = NULL;
  double best_current = 0;
  JhClause *clause, *successor = NULL;
  g_autofree char *normalized = jh_text_normalize (unit->text);
  JhClauseIndex *index = jh_library_set_get_index (run->checker->libraries);

  if ((guint) g_utf8_strlen (normalized, -1) < rule->min_length)
    return;

  /* Most paragraphs reuse no old clause, which the few old clauses
   * alone tell; the query of the whole library, which the current
   * clauses need, was most of a full check.  Both answers are exact, so
   * the old clauses found are the same.
   */
  {
    g_autoptr(JhClauseIndex) stale_index = dup_stale_index (run->checker, index);
    g_autoptr(GArray) stale_matches = jh_clause_index_query (stale_index, unit->text,
                                                             JH_SIMILARITY_CONTAINMENT, rule->threshold);
    gboolean any_stale = FALSE;

    for (guint i = 0; i < stale_matches->len && !any_stale; i++)
      any_stale = is_old_clause_share (&g_array_index (stale_matches, JhClauseIndexMatch, i));

    if (!any_stale)
      return;
  }

  matches = jh_clause_index_query (index, unit->text, JH_SIMILARITY_CONTAINMENT, rule->threshold);

  for (guint i = 0; i < matches->len; i++)
    {
      JhClauseIndexMatch *match = &g_array_index (matches, JhClauseIndexMatch, i);

      if (jh_clause_get_status (match->item) == JH_CLAUSE_STATUS_CURRENT)
        best_current = MAX (best_current, match->containment);
      else if (stale == NULL && is_old_clause_share (match))
        stale = match;
    }

  /* Old and current wordings share most of their words; the paragraph
   * is stale only if it is nearer the old one.
   */
  if (stale == NULL || best_current >= stale->containment)
    return;

  clause = stale->item;
  if (jh_clause_get_superseded_by (clause) != NULL)
    successor = jh_library_set_find_clause (run->checker->libraries, jh_clause_get_superseded_by (clause));
  if (successor != NULL && similarity_to (successor, unit->text) >= stale->containment)
    return;

  variables = new_variables (run, unit->text);
  set_variable (variables, "clause", jh_clause_get_title (clause));
  set_variable (variables, "clause_id", jh_clause_get_id (clause));
  set_variable (variables, "status", status_word (run, jh_clause_get_status (clause)));
  fixes = make_fixes (run, rule, unit->text, variables, NULL, NULL, 0);
  if (successor != NULL)
    add_fix (fixes, jh_fix_new_clause (jh_clause_get_id (successor), successor), NULL);

  add_whole_hit (run, hits, rule, unit, variables, fixes);
}

static void
run_clause_version (Run       *run,
                    JhRule    *rule,
                    Unit      *unit,
                    GPtrArray *hits)
{
  JhProvenance *provenance = jh_paragraph_get_provenance (JH_PARAGRAPH (unit->location.node));
  g_autoptr(GHashTable) variables = NULL;
  g_autoptr(GPtrArray) fixes = NULL;
  JhClause *clause, *current;
  char version[16], current_version[16];

  if (provenance == NULL || jh_provenance_get_clause_id (provenance) == NULL)
    return;

  clause = jh_library_set_find_clause (run->checker->libraries, jh_provenance_get_clause_id (provenance));
  if (clause == NULL)
    return;

  current = clause;
  if (jh_clause_get_status (clause) != JH_CLAUSE_STATUS_CURRENT)
    {
      const char *successor_id = jh_clause_get_superseded_by (clause);

      current = successor_id ? jh_library_set_find_clause (run->checker->libraries, successor_id) : NULL;
      if (current == NULL)
        return;
    }
  else if (jh_clause_get_version (clause) <= jh_provenance_get_clause_version (provenance))
    return;

  /* Already brought up to date by hand, only the mark is old. */
  {
    g_autofree char *expanded = jh_clause_expand (current, run->plan);
    g_autofree char *wanted = jh_text_normalize (expanded);
    g_autofree char *have = jh_text_normalize (unit->text);

    if (g_str_equal (wanted, have))
      return;
  }

  g_snprintf (version, sizeof version, "%u", jh_provenance_get_clause_version (provenance));
  g_snprintf (current_version, sizeof current_version, "%u", jh_clause_get_version (current));

  variables = new_variables (run, unit->text);
  set_variable (variables, "clause", jh_clause_get_title (current));
  set_variable (variables, "clause_id", jh_clause_get_id (clause));
  set_variable (variables, "version", version);
  set_variable (variables, "current_version", current_version);
  fixes = make_fixes (run, rule, unit->text, variables, NULL, NULL, 0);
  add_fix (fixes, jh_fix_new_clause (jh_clause_get_id (current), current), NULL);

  add_whole_hit (run, hits, rule, unit, variables, fixes);
}

static void
collect_normalized (GHashTable *texts,
                    GListModel *paragraphs)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      g_hash_table_add (texts, jh_text_normalize (jh_paragraph_get_text (paragraph)));
    }
}

static void
collect_task_texts (GHashTable *texts,
                    GListModel *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);

      collect_normalized (texts, jh_task_get_paragraphs (task));
      collect_task_texts (texts, jh_task_get_subtasks (task));
    }
}

/* The paragraphs of a prior plan, normalised, to tell an unchanged copy. */
static GHashTable *
get_prior_texts (Run    *run,
                 JhPlan *prior)
{
  GHashTable *texts = g_hash_table_lookup (run->prior_texts, prior);
  GListModel *sections;

  if (texts != NULL)
    return texts;

  texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sections = jh_plan_get_sections (prior);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      collect_normalized (texts, jh_section_get_paragraphs (section));
      collect_task_texts (texts, jh_section_get_tasks (section));
    }

  g_hash_table_insert (run->prior_texts, prior, texts);

  return texts;
}

static JhPlan *
find_prior (Run          *run,
            JhProvenance *provenance)
{
  const char *source = jh_provenance_get_source (provenance);
  guint year = jh_provenance_get_source_year (provenance);
  GHashTableIter iter;
  gpointer value;
  JhPlan *prior;

  if (source != NULL && (prior = g_hash_table_lookup (run->checker->priors, source)) != NULL)
    return prior;

  /* A prior plan known under another name, but of the right year. */
  g_hash_table_iter_init (&iter, run->checker->priors);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (year != 0 && jh_plan_get_year (value) == year)
      return value;

  return NULL;
}

static gboolean
is_in_prior (Run        *run,
             JhRule     *rule,
             JhPlan     *prior,
             const char *text)
{
  g_autofree char *normalized = jh_text_normalize (text);
  GHashTable *texts = get_prior_texts (run, prior);
  GHashTableIter iter;
  gpointer key;

  if (*normalized == '\0')
    return FALSE;

  if (g_hash_table_contains (texts, normalized))
    return TRUE;

  if (rule->threshold >= 1.0)
    return FALSE;

  /* A carried-over paragraph only touched up (a mark, a word) is still
   * unchanged in substance.
   */
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (jh_text_similarity (normalized, key, JH_SIMILARITY_JACCARD) >= rule->threshold)
      return TRUE;

  return FALSE;
}

static void
run_carried_over (Run       *run,
                  JhRule    *rule,
                  Unit      *unit,
                  GPtrArray *hits)
{
  JhProvenance *provenance = jh_paragraph_get_provenance (JH_PARAGRAPH (unit->location.node));
  g_autoptr(GHashTable) variables = NULL;
  g_autoptr(GPtrArray) fixes = NULL;
  char source_year[16];
  JhPlan *prior;

  if (provenance == NULL ||
      jh_provenance_get_source_year (provenance) == 0 ||
      jh_provenance_get_source_year (provenance) >= run->year)
    return;

  prior = find_prior (run, provenance);
  if (prior == NULL || !is_in_prior (run, rule, prior, unit->text))
    return;

  g_snprintf (source_year, sizeof source_year, "%u", jh_provenance_get_source_year (provenance));
  variables = new_variables (run, unit->text);
  set_variable (variables, "source", jh_provenance_get_source (provenance));
  set_variable (variables, "source_year", source_year);
  fixes = make_fixes (run, rule, unit->text, variables, NULL, NULL, 0);

  add_whole_hit (run, hits, rule, unit, variables, fixes);
}

/* Text rules do not all read every field: the dates of the timing field
 * are the schedule's business, and wording is judged in running text.
 */
static gboolean
reads_field (JhRule         *rule,
             JhFindingField  field)
{
  switch (rule->category)
    {
    case JH_RULE_CATEGORY_PLACEHOLDER:
    case JH_RULE_CATEGORY_PUNCTUATION:
      return field != JH_FINDING_FIELD_PLAN && field != JH_FINDING_FIELD_SECTION;

    case JH_RULE_CATEGORY_FORMULATION:
    case JH_RULE_CATEGORY_YEAR:
      return field == JH_FINDING_FIELD_TITLE || field == JH_FINDING_FIELD_SECTION_TITLE ||
             field == JH_FINDING_FIELD_LEAD || field == JH_FINDING_FIELD_PARAGRAPH;

    case JH_RULE_CATEGORY_REUSE:
      return field == JH_FINDING_FIELD_PARAGRAPH &&
             (rule->condition == JH_RULE_CONDITION_SUPERSEDED_CLAUSE ||
              rule->condition == JH_RULE_CONDITION_CLAUSE_VERSION ||
              rule->condition == JH_RULE_CONDITION_CARRIED_OVER);

    default:
      return FALSE;
    }
}

static gboolean
spans_contain (Hit *outer,
               Hit *inner)
{
  return outer->char_offset <= inner->char_offset &&
         outer->char_offset + outer->char_length >= inner->char_offset + inner->char_length;
}

static gboolean
is_pattern_category (JhRuleCategory category)
{
  return category == JH_RULE_CATEGORY_FORMULATION || category == JH_RULE_CATEGORY_PLACEHOLDER ||
         category == JH_RULE_CATEGORY_PUNCTUATION || category == JH_RULE_CATEGORY_YEAR;
}

/* Two patterns of a category flagging the same text say one thing
 * twice: "xx" inside "20xx" is one placeholder.  The wider hit stays.
 * Findings about a whole paragraph (reuse) each say something else.
 */
static void
drop_nested_hits (GPtrArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = g_ptr_array_index (hits, i);
      gboolean nested = FALSE;

      if (!is_pattern_category (hit->rule->category))
        continue;

      for (guint j = 0; j < hits->len && !nested; j++)
        {
          Hit *other = g_ptr_array_index (hits, j);

          if (i == j || hit->rule->category != other->rule->category || !spans_contain (other, hit))
            continue;

          /* Of two equal spans, the first hit stays. */
          nested = !spans_contain (hit, other) || j < i;
        }

      if (nested)
        g_ptr_array_remove_index (hits, i--);
    }
}

static GPtrArray *
check_unit (Run  *run,
            Unit *unit)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func (hit_free);

  if (*unit->text == '\0')
    return hits;

  for (guint i = 0; i < run->rules->len; i++)
    {
      JhRule *rule = g_ptr_array_index (run->rules, i);

      if (is_failed (run, rule) || !reads_field (rule, unit->location.field) || !rule_applies (rule, unit))
        continue;

      switch (rule->category)
        {
        case JH_RULE_CATEGORY_FORMULATION:
        case JH_RULE_CATEGORY_PLACEHOLDER:
        case JH_RULE_CATEGORY_YEAR:
          run_patterns (run, rule, unit, hits);
          break;

        case JH_RULE_CATEGORY_PUNCTUATION:
          run_patterns (run, rule, unit, hits);
          if (rule->pairs->len > 0)
            run_pairs (run, rule, unit, hits);
          break;

        case JH_RULE_CATEGORY_REUSE:
          if (rule->condition == JH_RULE_CONDITION_SUPERSEDED_CLAUSE)
            run_superseded_clause (run, rule, unit, hits);
          else if (rule->condition == JH_RULE_CONDITION_CLAUSE_VERSION)
            run_clause_version (run, rule, unit, hits);
          else
            run_carried_over (run, rule, unit, hits);
          break;

        default:
          break;
        }
    }

  drop_nested_hits (hits);

  return hits;
}

static void
add_finding (Run                     *run,
             const JhFindingLocation *location,
             guint64                  unit_order,
             Hit                     *hit,
             const char              *context)
{
  JhFinding *finding;
  guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (run->rank, hit->rule));

  finding = _jh_finding_new (hit->rule, location, hit->message, hit->text, context,
                             hit->char_offset, hit->char_length, hit->fixes);
  _jh_finding_set_order (finding,
                         (unit_order << 40) |
                         ((guint64) MIN (hit->char_offset, (1 << 27) - 1) << 12) |
                         MIN (rank, 4095));
  g_ptr_array_add (run->findings, finding);
}

/* The context of a finding in a task field is the lead, which names
 * the task; elsewhere, the text itself.
 */
static const char *
get_context (Unit *unit)
{
  if (unit->location.task != NULL && unit->location.field != JH_FINDING_FIELD_PARAGRAPH)
    return jh_task_get_lead (unit->location.task);

  return unit->text;
}

static gboolean
is_disabled (Run    *run,
             JhRule *rule)
{
  /* A rule tried on its own examples runs even when switched off. */
  return run->checker->only_rule == NULL &&
         (g_hash_table_contains (run->checker->disabled, jh_rule_get_id (rule)) ||
          (run->checker->disabled_categories & (1u << jh_rule_get_category (rule))) != 0);
}

static void
add_unit_hits (Run       *run,
               Unit      *unit,
               GPtrArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = g_ptr_array_index (hits, i);

      /* The cache keeps the hits of every rule, so that switching a
       * rule back on needs no new look at the text.
       */
      if (!is_disabled (run, hit->rule))
        add_finding (run, &unit->location, unit->order, hit, get_context (unit));
    }
}

/* Enumerations: 一是 二是 三是, 1、2、3、 …, within a section's or a
 * task's paragraphs.
 */

typedef struct
{
  guint value;
  gsize start;
  gsize end;
} Marker;

static int
chinese_digit (gunichar c)
{
  static const gunichar digits[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (digits[i] == c)
      return i + 1;

  return -1;
}

static gboolean
is_numeral (gunichar c,
            gboolean chinese)
{
  if (chinese)
    return chinese_digit (c) > 0 || c == 0x5341 /* 十 */;

  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Reads a numeral at @p: Arabic (1–99) or Chinese (一 to 九十九). */
static const char *
read_numeral (const char *p,
              gboolean    chinese,
              guint      *value)
{
  guint n = 0;
  guint length = 0;

  if (!chinese)
    {
      for (; length < 3; p = g_utf8_next_char (p), length++)
        {
          gunichar c = g_utf8_get_char (p);

          if (c >= '0' && c <= '9')
            n = n * 10 + (c - '0');
          else if (c >= 0xFF10 && c <= 0xFF19)
            n = n * 10 + (c - 0xFF10);
          else
            break;
        }

      if (length == 0 || length > 2 || n == 0)
        return NULL;

      *value = n;
      return p;
    }

  {
    guint tens = 0, units = 0;
    gboolean seen_ten = FALSE;

    for (; length < 3; p = g_utf8_next_char (p), length++)
      {
        gunichar c = g_utf8_get_char (p);
        int digit = chinese_digit (c);

        if (c == 0x5341 /* 十 */ && !seen_ten)
          {
            tens = units ? units : 1;
            units = 0;
            seen_ten = TRUE;
          }
        else if (digit > 0 && units == 0)
          units = digit;
        else
          break;
      }

    n = tens * 10 + units;
    if (length == 0 || n == 0)
      return NULL;

    *value = n;
    return p;
  }
}

static gboolean
is_boundary_before (const char *text,
                    const char *p)
{
  const char *prev;
  gunichar c;

  if (p == text)
    return TRUE;

  prev = g_utf8_find_prev_char (text, p);
  c = g_utf8_get_char (prev);

  return g_unichar_isspace (c) || g_unichar_ispunct (c);
}

static GArray *
find_markers (JhMarker   *marker,
              const char *text)
{
  GArray *markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  const char *start = text;

  while (g_unichar_isspace (g_utf8_get_char (start)) && *start != '\0')
    start = g_utf8_next_char (start);

  /* Most texts have no marker of a kind: what it is written with must
   * be there.  This runs for every paragraph of the plan.
   */
  if ((*marker->prefix != '\0' && strstr (start, marker->prefix) == NULL) ||
      (*marker->suffix != '\0' && strstr (start, marker->suffix) == NULL))
    return markers;

  for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *q;
      Marker found;

      if (marker->at_start && p != start)
        break;

      /* A marker with a prefix can only start where the prefix does. */
      if (*marker->prefix != '\0')
        {
          if ((p = strstr (p, marker->prefix)) == NULL || (marker->at_start && p != start))
            break;
        }
      else if (!is_numeral (g_utf8_get_char (p), marker->chinese))
        continue;
      q = p;

      /* A marker follows a mark or a space, unless it opens with one. */
      if (*marker->prefix == '\0' || !g_unichar_ispunct (g_utf8_get_char (marker->prefix)))
        if (!is_boundary_before (text, p))
          continue;

      q += strlen (marker->prefix);

      q = read_numeral (q, marker->chinese, &found.value);
      if (q == NULL || !g_str_has_prefix (q, marker->suffix))
        continue;
      q += strlen (marker->suffix);

      /* "4、5月" and "一、二月份" list numbers; they enumerate nothing. */
      if (is_numeral (g_utf8_get_char (q), marker->chinese))
        continue;

      found.start = p - text;
      found.end = q - text;
      g_array_append_val (markers, found);
      p = g_utf8_find_prev_char (text, q);
    }

  return markers;
}

static char *
format_marker (JhMarker *marker,
               guint     value)
{
  g_autofree char *numeral = NULL;

  if (marker->chinese)
    {
      static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
      guint tens = value / 10, units = value % 10;

      numeral = g_strdup_printf ("%s%s%s",
                                 tens > 1 ? digits[tens] : "",
                                 tens > 0 ? "十" : "",
                                 digits[units]);
    }
  else
    numeral = g_strdup_printf ("%u", value);

  return g_strconcat (marker->prefix, numeral, marker->suffix, NULL);
}

/* Flags @found when it does not follow @last, the value of the marker
 * before it (0 when none came before): an enumeration may restart at 1
 * anywhere, otherwise it must count up by one.  The fix offers the
 * marker that was expected.
 */
static void
flag_out_of_order (Run      *run,
                   JhRule   *rule,
                   JhMarker *marker,
                   Unit     *unit,
                   Marker   *found,
                   guint     last)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *flagged = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GHashTable) variables = NULL;
  g_autoptr(GPtrArray) fixes = NULL;

  if (found->value == 1 || last == 0 || found->value == last + 1)
    return;

  hits = g_ptr_array_new_with_free_func (hit_free);
  flagged = dup_substring (unit->text, found->start, found->end);
  expected = format_marker (marker, last + 1);
  variables = new_variables (run, flagged);
  set_variable (variables, "expected", expected);
  fixes = make_fixes (run, rule, flagged, variables, NULL, NULL, 0);
  add_hit (run, hits, rule, unit->text, found->start, found->end, variables, fixes);
  add_unit_hits (run, unit, hits);
}

static void
run_numbering_in (Run       *run,
                  JhRule    *rule,
                  GPtrArray *paragraph_units)
{
  for (guint m = 0; m < rule->markers->len; m++)
    {
      JhMarker *marker = g_ptr_array_index (rule->markers, m);
      guint last = 0;

      for (guint i = 0; i < paragraph_units->len; i++)
        {
          Unit *unit = g_ptr_array_index (paragraph_units, i);
          g_autoptr(GArray) markers = find_markers (marker, unit->text);

          /* A paragraph without a marker ends an enumeration. */
          if (markers->len == 0)
            {
              last = 0;
              continue;
            }

          for (guint k = 0; k < markers->len; k++)
            {
              Marker *found = &g_array_index (markers, Marker, k);

              flag_out_of_order (run, rule, marker, unit, found, last);
              last = found->value;
            }
        }
    }
}

/* The leads of sibling tasks, when they keep the numbering they were
 * written with (the importer keeps it where it skips or repeats): only
 * a marker that begins a lead counts.
 */
static void
run_numbering_in_leads (Run        *run,
                        JhRule     *rule,
                        GListModel *tasks)
{
  for (guint m = 0; m < rule->markers->len; m++)
    {
      JhMarker *marker = g_ptr_array_index (rule->markers, m);
      guint last = 0;

      for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
        {
          g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
          Unit *unit = find_unit (run, task, JH_FINDING_FIELD_LEAD);
          g_autoptr(GArray) markers = NULL;
          Marker *found;

          if (unit == NULL || !rule_applies (rule, unit))
            {
              last = 0;
              continue;
            }

          markers = find_markers (marker, unit->text);
          found = markers->len > 0 ? &g_array_index (markers, Marker, 0) : NULL;
          if (found == NULL || found->start != 0)
            {
              last = 0;
              continue;
            }

          flag_out_of_order (run, rule, marker, unit, found, last);
          last = found->value;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);

      run_numbering_in_leads (run, rule, jh_task_get_subtasks (task));
    }
}

/* Findings about tasks, sections and the plan as a whole. */

static void
add_unit_hit (Run        *run,
              JhRule     *rule,
              Unit       *unit,
              gsize       start,
              gsize       end,
              GHashTable *variables)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (hit_free);
  g_autofree char *flagged = dup_substring (unit->text, start, end);
  g_autoptr(GPtrArray) fixes = make_fixes (run, rule, flagged, variables, NULL, NULL, 0);

  add_hit (run, hits, rule, unit->text, start, end, variables, fixes);

  /* A finding about a whole section or the plan flags no characters;
   * its text names what it is about.
   */
  if (start == end)
    {
      Hit *hit = g_ptr_array_index (hits, 0);

      g_free (hit->text);
      hit->text = g_strdup (g_hash_table_lookup (variables, "text"));
    }

  add_unit_hits (run, unit, hits);
}

static gboolean
any_match (Run        *run,
           JhRule     *rule,
           GPtrArray  *patterns,
           const char *text,
           gsize      *start,
           gsize      *end)
{
  for (guint i = 0; i < patterns->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) matches = _jh_pattern_find_all (g_ptr_array_index (patterns, i), text, &error);

      if (matches == NULL)
        {
          rule_failed (run, rule, error);
          return FALSE;
        }

      if (matches->len > 0)
        {
          if (start != NULL)
            *start = g_array_index (matches, JhPatternMatch, 0).start;
          if (end != NULL)
            *end = g_array_index (matches, JhPatternMatch, 0).end;
          return TRUE;
        }
    }

  return FALSE;
}

/* Whether a task or one of its sub-tasks states a number. */
static gboolean
task_has_quantity (Run    *run,
                   JhRule *rule,
                   JhTask *task)
{
  GListModel *paragraphs = jh_task_get_paragraphs (task);
  GListModel *subtasks = jh_task_get_subtasks (task);

  if (g_list_model_get_n_items (jh_task_get_targets (task)) > 0 ||
      any_match (run, rule, rule->quantities, jh_task_get_lead (task), NULL, NULL))
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      if (any_match (run, rule, rule->quantities, jh_paragraph_get_text (paragraph), NULL, NULL))
        return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (subtasks); i++)
    {
      g_autoptr(JhTask) subtask = g_list_model_get_item (subtasks, i);

      if (task_has_quantity (run, rule, subtask))
        return TRUE;
    }

  return FALSE;
}

/* @in_dated_task: the tasks are the items of a task with a date ("五月份:
 * 组织调研…; 视察…"), each one activity on that date, which needs no
 * number.
 */
static void
run_targets_in (Run        *run,
                JhRule     *rule,
                GListModel *tasks,
                gboolean    in_dated_task)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks) && !is_failed (run, rule); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      Unit *lead = find_unit (run, task, JH_FINDING_FIELD_LEAD);
      const char *timing = jh_task_get_timing (task);
      gsize start, end;

      if (!in_dated_task && lead != NULL && rule_applies (rule, lead) &&
          any_match (run, rule, rule->topics, lead->text, &start, &end) &&
          !task_has_quantity (run, rule, task))
        {
          g_autofree char *topic = dup_substring (lead->text, start, end);
          g_autoptr(GHashTable) variables = new_variables (run, topic);

          add_unit_hit (run, rule, lead, start, end, variables);
        }

      run_targets_in (run, rule, jh_task_get_subtasks (task),
                      in_dated_task || (timing != NULL && *timing != '\0'));
    }
}

static void
run_target (Run    *run,
            JhRule *rule)
{
  GListModel *sections = jh_plan_get_sections (run->plan);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      run_targets_in (run, rule, jh_section_get_tasks (section), FALSE);
    }
}

static void
append_task_texts (GString    *text,
                   GListModel *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      GListModel *paragraphs = jh_task_get_paragraphs (task);

      g_string_append_printf (text, "%s\n", jh_task_get_lead (task));
      for (guint j = 0; j < g_list_model_get_n_items (paragraphs); j++)
        {
          g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, j);

          g_string_append_printf (text, "%s\n", jh_paragraph_get_text (paragraph));
        }
      append_task_texts (text, jh_task_get_subtasks (task));
    }
}

static gboolean
section_is_empty (JhSection *section)
{
  return g_list_model_get_n_items (jh_section_get_paragraphs (section)) == 0 &&
         g_list_model_get_n_items (jh_section_get_tasks (section)) == 0;
}

static void
run_required (Run    *run,
              JhRule *rule)
{
  GListModel *sections = jh_plan_get_sections (run->plan);
  g_autoptr(GString) text = g_string_new (NULL);
  JhSection *first = NULL;
  gboolean has_content = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      GListModel *paragraphs = jh_section_get_paragraphs (section);

      if (!jh_rule_applies_to_kind (rule, jh_section_get_kind (section)))
        continue;

      if (first == NULL)
        first = section;
      has_content |= !section_is_empty (section);

      g_string_append_printf (text, "%s\n", jh_section_get_title (section));
      for (guint j = 0; j < g_list_model_get_n_items (paragraphs); j++)
        {
          g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, j);

          g_string_append_printf (text, "%s\n", jh_paragraph_get_text (paragraph));
        }
      append_task_texts (text, jh_section_get_tasks (section));
    }

  if (rule->require_section && !has_content)
    {
      Unit *unit = first ? g_hash_table_lookup (run->section_units, first)
                         : find_unit (run, run->plan, JH_FINDING_FIELD_PLAN);
      g_autoptr(GHashTable) variables = new_variables (run, "");

      add_unit_hit (run, rule, unit, 0, 0, variables);
      return;
    }

  /* Content is asked of the sections there are; a missing section is
   * another rule's business.
   */
  if (first == NULL || rule->requires->len == 0)
    return;

  if (!any_match (run, rule, rule->requires, text->str, NULL, NULL) && !is_failed (run, rule))
    {
      Unit *unit = g_hash_table_lookup (run->section_units, first);
      g_autofree char *name = g_strdup (*jh_section_get_title (first) != '\0'
                                          ? jh_section_get_title (first)
                                          : jh_section_kind_get_title (jh_section_get_kind (first)));
      g_autoptr(GHashTable) variables = new_variables (run, name);

      add_unit_hit (run, rule, unit, 0, 0, variables);
    }
}

static JhSchedule *
get_schedule (Run *run)
{
  if (run->schedule == NULL)
    run->schedule = _jh_schedule_new_reusing (run->plan, run->cache ? run->cache->finds : NULL);

  return run->schedule;
}

static void
run_schedule (Run    *run,
              JhRule *rule)
{
  JhSchedule *schedule = get_schedule (run);

  switch (rule->condition)
    {
    case JH_RULE_CONDITION_UNSCHEDULED:
      {
        GPtrArray *tasks = jh_schedule_get_unscheduled (schedule);

        for (guint i = 0; i < tasks->len; i++)
          {
            JhTask *task = g_ptr_array_index (tasks, i);
            JhTask *parent = jh_task_get_parent_task (task);
            Unit *lead = find_unit (run, task, JH_FINDING_FIELD_LEAD);
            g_autoptr(GHashTable) variables = NULL;

            /* A sub-task of an unscheduled task is said with its parent. */
            if (lead == NULL || !rule_applies (rule, lead) ||
                (parent != NULL && g_ptr_array_find (tasks, parent, NULL)))
              continue;

            variables = new_variables (run, lead->text);
            add_unit_hit (run, rule, lead, 0, strlen (lead->text), variables);
          }
      }
      break;

    case JH_RULE_CONDITION_OUTSIDE_YEAR:
      {
        GPtrArray *activities = jh_schedule_get_outside_year (schedule);

        for (guint i = 0; i < activities->len; i++)
          {
            JhActivity *activity = g_ptr_array_index (activities, i);
            Unit *unit;
            const char *start, *end;
            g_autofree char *flagged = NULL;
            g_autoptr(GHashTable) variables = NULL;

            if (jh_activity_get_source (activity) == JH_ACTIVITY_SOURCE_TIMING)
              unit = find_unit (run, jh_activity_get_task (activity), JH_FINDING_FIELD_TIMING);
            else
              unit = find_unit (run, jh_activity_get_paragraph (activity), JH_FINDING_FIELD_PARAGRAPH);

            if (unit == NULL || !rule_applies (rule, unit))
              continue;

            start = g_utf8_offset_to_pointer (unit->text, jh_activity_get_char_offset (activity));
            end = g_utf8_offset_to_pointer (start, jh_activity_get_char_length (activity));
            flagged = g_strndup (start, end - start);
            variables = new_variables (run, flagged);
            add_unit_hit (run, rule, unit, start - unit->text, end - unit->text, variables);
          }
      }
      break;

    case JH_RULE_CONDITION_CONCENTRATED:
      {
        static const char * const quarters[] = { "", "第一季度", "第二季度", "第三季度", "第四季度" };
        static const char * const english_quarters[] = { "", "Q1", "Q2", "Q3", "Q4" };
        JhSection *section;
        Unit *unit;
        guint quarter = 0;
        g_autoptr(GHashTable) variables = NULL;

        if (!jh_schedule_is_concentrated (schedule, &quarter) || quarter < 1 || quarter > 4)
          break;

        section = jh_plan_find_section (run->plan, JH_SECTION_KIND_SCHEDULE);
        if (section == NULL)
          section = jh_plan_find_section (run->plan, JH_SECTION_KIND_MAIN_TASKS);
        unit = section ? g_hash_table_lookup (run->section_units, section)
                       : find_unit (run, run->plan, JH_FINDING_FIELD_PLAN);

        variables = new_variables (run, "");
        set_variable (variables, "quarter", run->checker->english ? english_quarters[quarter] : quarters[quarter]);
        add_unit_hit (run, rule, unit, 0, 0, variables);
      }
      break;

    default:
      break;
    }
}

static char *
dup_paragraph_number (Unit *unit)
{
  return g_strdup_printf ("%d", unit->location.paragraph_index + 1);
}

static void
similar_insert (GArray *similar,
                JhNode *node,
                double  similarity)
{
  Similar item = { node, similarity };
  guint i = 0;

  /* Most similar first; among equals, in the order they came. */
  while (i < similar->len && g_array_index (similar, Similar, i).similarity >= similarity)
    i++;
  g_array_insert_val (similar, i, item);
}

static void
similar_remove (GArray *similar,
                JhNode *node)
{
  for (guint i = 0; i < similar->len; i++)
    if (g_array_index (similar, Similar, i).node == node)
      g_array_remove_index (similar, i--);
}

/* Brings @state up to the paragraphs of @unit_of (JhNode → Unit): drops
 * what is gone or changed, and queries the index only for what is new.
 */
static void
update_duplicates (DuplicateState *state,
                   GHashTable     *unit_of,
                   GPtrArray      *units)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer node, value;

  g_hash_table_iter_init (&iter, state->entries);
  while (g_hash_table_iter_next (&iter, &node, &value))
    {
      Unit *unit = g_hash_table_lookup (unit_of, node);
      DuplicateEntry *entry = value;

      if (unit == NULL || strcmp (unit->text, entry->text) != 0)
        g_ptr_array_add (stale, node);
    }

  for (guint i = 0; i < stale->len; i++)
    {
      JhNode *gone = g_ptr_array_index (stale, i);
      DuplicateEntry *entry = g_hash_table_lookup (state->entries, gone);

      for (guint s = 0; s < entry->similar->len; s++)
        {
          DuplicateEntry *other = g_hash_table_lookup (state->entries, g_array_index (entry->similar, Similar, s).node);

          similar_remove (other->similar, gone);
        }
      g_hash_table_remove (state->entries, gone);
      jh_clause_index_remove (state->index, gone);
    }

  for (guint i = 0; i < units->len; i++)
    {
      Unit *unit = g_ptr_array_index (units, i);
      DuplicateEntry *entry;

      if (g_hash_table_lookup (unit_of, unit->location.node) != unit ||
          g_hash_table_contains (state->entries, unit->location.node))
        continue;

      entry = g_new0 (DuplicateEntry, 1);
      entry->text = g_strdup (unit->text);
      entry->similar = g_array_new (FALSE, FALSE, sizeof (Similar));
      g_hash_table_insert (state->entries, unit->location.node, entry);
      jh_clause_index_add (state->index, unit->location.node, unit->text);
      g_ptr_array_add (added, unit->location.node);
    }

  /* A pair of two new paragraphs is found by each one's query. */
  for (guint i = 0; i < added->len; i++)
    {
      JhNode *new_node = g_ptr_array_index (added, i);
      DuplicateEntry *entry = g_hash_table_lookup (state->entries, new_node);
      g_autoptr(GArray) matches = jh_clause_index_query (state->index, entry->text, JH_SIMILARITY_JACCARD,
                                                         state->rule->threshold);

      for (guint m = 0; m < matches->len; m++)
        {
          const JhClauseIndexMatch *match = &g_array_index (matches, JhClauseIndexMatch, m);
          JhNode *other = match->item;

          if (other == new_node)
            continue;

          similar_insert (entry->similar, other, match->jaccard);
          if (!g_ptr_array_find (added, other, NULL))
            similar_insert (((DuplicateEntry *) g_hash_table_lookup (state->entries, other))->similar,
                            new_node, match->jaccard);
        }
    }
}

static void
run_duplicates (Run    *run,
                JhRule *rule)
{
  g_autoptr(DuplicateState) own_state = NULL;
  g_autoptr(GHashTable) unit_of = g_hash_table_new (NULL, NULL);
  DuplicateState *state = NULL;

  if (run->cache != NULL)
    {
      state = g_hash_table_lookup (run->cache->duplicates, rule);
      if (state == NULL)
        {
          state = duplicate_state_new (rule);
          g_hash_table_insert (run->cache->duplicates, rule, state);
        }
    }
  else
    state = own_state = duplicate_state_new (rule);

  for (guint i = 0; i < run->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (run->units, i);
      DuplicateEntry *known;

      if (unit->location.field != JH_FINDING_FIELD_PARAGRAPH || !rule_applies (rule, unit))
        continue;

      /* A text the state has is long enough: it would not be there. */
      known = g_hash_table_lookup (state->entries, unit->location.node);
      if (known == NULL || strcmp (known->text, unit->text) != 0)
        {
          g_autofree char *normalized = jh_text_normalize (unit->text);

          if ((guint) g_utf8_strlen (normalized, -1) < rule->min_length)
            continue;
        }

      g_hash_table_insert (unit_of, unit->location.node, unit);
    }

  update_duplicates (state, unit_of, run->units);

  for (guint i = 0; i < run->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (run->units, i);
      DuplicateEntry *entry;
      Unit *earlier = NULL;

      if (g_hash_table_lookup (unit_of, unit->location.node) != unit)
        continue;

      entry = g_hash_table_lookup (state->entries, unit->location.node);
      for (guint m = 0; m < entry->similar->len && earlier == NULL; m++)
        {
          Unit *other = g_hash_table_lookup (unit_of, g_array_index (entry->similar, Similar, m).node);

          if (other != NULL && other->order < unit->order)
            earlier = other;
        }

      if (earlier != NULL)
        {
          g_autoptr(GHashTable) variables = new_variables (run, unit->text);
          g_autofree char *other_location = NULL;
          g_autofree char *other_paragraph = dup_paragraph_number (earlier);

          other_location = _jh_finding_location_format (&earlier->location);
          set_variable (variables, "other", other_location);
          set_variable (variables, "other_paragraph", other_paragraph);
          add_unit_hit (run, rule, unit, 0, strlen (unit->text), variables);
        }
    }
}

/* The year rule looks at every year; where the schedule has already
 * said that a date is outside the plan's year, saying it again is noise.
 */
static void
drop_repeated_dates (Run *run)
{
  for (guint i = 0; i < run->findings->len; i++)
    {
      JhFinding *finding = g_ptr_array_index (run->findings, i);
      gboolean repeated = FALSE;

      if (jh_finding_get_category (finding) != JH_RULE_CATEGORY_YEAR)
        continue;

      for (guint j = 0; j < run->findings->len && !repeated; j++)
        {
          JhFinding *other = g_ptr_array_index (run->findings, j);
          glong start = jh_finding_get_char_offset (finding);
          glong end = start + jh_finding_get_char_length (finding);
          glong other_start = jh_finding_get_char_offset (other);
          glong other_end = other_start + jh_finding_get_char_length (other);

          repeated = jh_finding_get_category (other) == JH_RULE_CATEGORY_SCHEDULE &&
                     jh_finding_get_node (other) == jh_finding_get_node (finding) &&
                     jh_finding_get_field (other) == jh_finding_get_field (finding) &&
                     start < other_end && other_start < end;
        }

      if (repeated)
        g_ptr_array_remove_index (run->findings, i--);
    }
}

/* What the user chose to ignore, remembered in the plan. */
static void
drop_ignored (Run *run)
{
  if (jh_plan_get_n_ignored_findings (run->plan) == 0)
    return;

  for (guint i = 0; i < run->findings->len; i++)
    if (jh_finding_is_ignored (g_ptr_array_index (run->findings, i)))
      g_ptr_array_remove_index (run->findings, i--);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  guint64 x = _jh_finding_get_order (*(JhFinding **) a);
  guint64 y = _jh_finding_get_order (*(JhFinding **) b);

  return x < y ? -1 : x > y;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->rules, g_ptr_array_unref);
  g_clear_pointer (&run->rank, g_hash_table_unref);
  g_clear_pointer (&run->failed, g_hash_table_unref);
  g_clear_pointer (&run->units, g_ptr_array_unref);
  g_clear_pointer (&run->units_by_node, g_hash_table_unref);
  g_clear_pointer (&run->section_units, g_hash_table_unref);
  g_clear_pointer (&run->findings, g_ptr_array_unref);
  g_clear_object (&run->schedule);
  g_clear_pointer (&run->prior_texts, g_hash_table_unref);
}

static gboolean
wants_rule (Run    *run,
            JhRule *rule)
{
  if (!jh_rule_is_valid_in (rule, run->year))
    return FALSE;

  /* What a plan must contain and when it is done are asked of plans,
   * not of summaries and rules kept as documents.
   */
  switch (rule->category)
    {
    case JH_RULE_CATEGORY_REQUIRED:
    case JH_RULE_CATEGORY_SCHEDULE:
    case JH_RULE_CATEGORY_TARGET:
      return run->is_plan;
    default:
      return TRUE;
    }
}

/**
 * _jh_checker_run:
 * @self: a #JhChecker
 * @plan: the plan to check
 * @cache: (nullable): what earlier checks of @plan found, to reuse
 *
 * Returns: (transfer full) (element-type JhFinding): the findings, in
 *   document order
 */
GPtrArray *
_jh_checker_run (JhChecker    *self,
                 JhPlan       *plan,
                 JhCheckCache *cache)
{
  Run run = { 0 };
  GListModel *rules;
  GPtrArray *findings;

  run.checker = self;
  run.plan = plan;
  run.year = jh_plan_get_year (plan);
  run.is_plan = jh_plan_get_kind (plan) == JH_DOCUMENT_KIND_PLAN;
  run.rules = g_ptr_array_new ();
  run.rank = g_hash_table_new (NULL, NULL);
  run.failed = g_hash_table_new (NULL, NULL);
  run.units = g_ptr_array_new_with_free_func (g_free);
  run.units_by_node = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  run.section_units = g_hash_table_new (NULL, NULL);
  run.findings = g_ptr_array_new_with_free_func (g_object_unref);
  run.cache = cache;
  run.prior_texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);

  rules = jh_library_set_get_rules (self->libraries);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(JhRule) rule = g_list_model_get_item (rules, i);

      if (self->only_rule != NULL && rule != self->only_rule)
        continue;

      if (wants_rule (&run, rule))
        {
          g_ptr_array_add (run.rules, rule);
          g_hash_table_insert (run.rank, rule, GUINT_TO_POINTER (run.rules->len));
        }
    }

  /* What the cache kept for rules no longer in use (a library was
   * reloaded, a rule turned off) goes.
   */
  if (cache != NULL)
    {
      GHashTableIter iter;
      gpointer rule;

      g_hash_table_iter_init (&iter, cache->duplicates);
      while (g_hash_table_iter_next (&iter, &rule, NULL))
        if (!g_hash_table_contains (run.rank, rule))
          g_hash_table_iter_remove (&iter);
    }

  collect_units (&run);

  /* Each text by itself: what a cache can keep. */
  for (guint i = 0; i < run.units->len; i++)
    {
      Unit *unit = g_ptr_array_index (run.units, i);
      g_autoptr(GPtrArray) hits = NULL;
      GPtrArray *cached = cache_lookup (&run, unit);

      if (cached != NULL)
        hits = g_ptr_array_ref (cached);
      else
        {
          hits = check_unit (&run, unit);
          cache_store (&run, unit, hits);
        }

      add_unit_hits (&run, unit, hits);
    }

  /* Texts that are gone (a deleted paragraph) leave the cache. */
  if (cache != NULL)
    {
      GHashTableIter iter;
      gpointer node;

      g_hash_table_iter_init (&iter, cache->entries);
      while (g_hash_table_iter_next (&iter, &node, NULL))
        if (!g_hash_table_contains (run.units_by_node, node))
          g_hash_table_iter_remove (&iter);
    }

  /* What depends on more than one text. */
  for (guint r = 0; r < run.rules->len; r++)
    {
      JhRule *rule = g_ptr_array_index (run.rules, r);

      if (is_disabled (&run, rule))
        continue;

      switch (rule->category)
        {
        case JH_RULE_CATEGORY_NUMBERING:
          {
            g_autoptr(GPtrArray) container = g_ptr_array_new ();
            JhNode *parent = NULL;

            /* The paragraphs of one section or one task, in order. */
            for (guint i = 0; i <= run.units->len; i++)
              {
                Unit *unit = i < run.units->len ? g_ptr_array_index (run.units, i) : NULL;
                JhNode *unit_parent = NULL;

                if (unit != NULL && unit->location.field == JH_FINDING_FIELD_PARAGRAPH)
                  unit_parent = jh_node_get_parent (unit->location.node);

                if (unit_parent != parent || unit == NULL)
                  {
                    if (container->len > 0)
                      run_numbering_in (&run, rule, container);
                    g_ptr_array_set_size (container, 0);
                    parent = unit_parent;
                  }

                if (unit_parent != NULL && rule_applies (rule, unit))
                  g_ptr_array_add (container, unit);
              }

            {
              GListModel *sections = jh_plan_get_sections (run.plan);

              for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
                {
                  g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

                  run_numbering_in_leads (&run, rule, jh_section_get_tasks (section));
                }
            }
          }
          break;

        case JH_RULE_CATEGORY_TARGET:
          run_target (&run, rule);
          break;

        case JH_RULE_CATEGORY_REQUIRED:
          run_required (&run, rule);
          break;

        case JH_RULE_CATEGORY_SCHEDULE:
          run_schedule (&run, rule);
          break;

        case JH_RULE_CATEGORY_DUPLICATE:
          run_duplicates (&run, rule);
          break;

        default:
          break;
        }
    }

  drop_repeated_dates (&run);
  drop_ignored (&run);
  g_ptr_array_sort (run.findings, compare_findings);

  findings = g_steal_pointer (&run.findings);
  run_clear (&run);

  return findings;
}

/**
 * jh_checker_check:
 * @self: a #JhChecker
 * @plan: the plan to check
 *
 * Checks a whole plan with the rules in force for its year.
 *
 * Returns: (transfer full) (element-type JhFinding): the findings, in
 *   document order
 */
GPtrArray *
jh_checker_check (JhChecker *self,
                  JhPlan    *plan)
{
  g_return_val_if_fail (JH_IS_CHECKER (self), NULL);
  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);

  return _jh_checker_run (self, plan, NULL);
}

/**
 * jh_checker_check_paragraph:
 * @self: a #JhChecker
 * @paragraph: a paragraph of a plan
 *
 * Checks one paragraph by itself, as an editor does while the user
 * types: the rules that read a paragraph alone (wording, placeholders,
 * punctuation, years, reuse).  Enumerations, duplicates and the rules
 * about tasks and sections need the plan: see #JhReport.
 *
 * Returns: (transfer full) (element-type JhFinding): the paragraph's
 *   findings, in order
 */
GPtrArray *
jh_checker_check_paragraph (JhChecker   *self,
                            JhParagraph *paragraph)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *findings;
  JhNode *root;

  g_return_val_if_fail (JH_IS_CHECKER (self), NULL);
  g_return_val_if_fail (JH_IS_PARAGRAPH (paragraph), NULL);

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  root = jh_node_get_root (JH_NODE (paragraph));
  if (!JH_IS_PLAN (root))
    return findings;

  /* The whole plan is walked for the locations, but only this
   * paragraph is read.
   */
  {
    Run run = { 0 };
    Unit *unit;
    g_autoptr(GPtrArray) hits = NULL;
    GListModel *rules = jh_library_set_get_rules (self->libraries);

    run.checker = self;
    run.plan = JH_PLAN (root);
    run.year = jh_plan_get_year (run.plan);
    run.is_plan = jh_plan_get_kind (run.plan) == JH_DOCUMENT_KIND_PLAN;
    run.rules = g_ptr_array_new ();
    run.rank = g_hash_table_new (NULL, NULL);
    run.failed = g_hash_table_new (NULL, NULL);
    run.units = g_ptr_array_new_with_free_func (g_free);
    run.units_by_node = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
    run.section_units = g_hash_table_new (NULL, NULL);
    run.findings = g_ptr_array_new_with_free_func (g_object_unref);
    run.prior_texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);

    for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
      {
        g_autoptr(JhRule) rule = g_list_model_get_item (rules, i);

        if (wants_rule (&run, rule))
          {
            g_ptr_array_add (run.rules, rule);
            g_hash_table_insert (run.rank, rule, GUINT_TO_POINTER (run.rules->len));
          }
      }

    collect_units (&run);
    unit = find_unit (&run, paragraph, JH_FINDING_FIELD_PARAGRAPH);
    if (unit != NULL)
      {
        hits = check_unit (&run, unit);
        add_unit_hits (&run, unit, hits);
      }

    drop_ignored (&run);
    g_ptr_array_sort (run.findings, compare_findings);
    g_ptr_array_extend_and_steal (findings, g_steal_pointer (&run.findings));
    run_clear (&run);
  }

  return findings;
}

static void
add_sources (GHashTable *sources,
             JhProvenance *provenance)
{
  if (provenance != NULL && jh_provenance_get_source (provenance) != NULL)
    g_hash_table_add (sources, (gpointer) jh_provenance_get_source (provenance));
}

static void
add_paragraph_sources (GHashTable *sources,
                       GListModel *paragraphs)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      add_sources (sources, jh_paragraph_get_provenance (paragraph));
    }
}

static void
add_task_sources (GHashTable *sources,
                  GListModel *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);

      add_sources (sources, jh_task_get_provenance (task));
      add_paragraph_sources (sources, jh_task_get_paragraphs (task));
      add_task_sources (sources, jh_task_get_subtasks (task));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * jh_plan_dup_prior_sources:
 * @plan: a plan
 *
 * The prior documents @plan's text was carried over from, as its
 * provenance names them: what a caller should find and give to
 * jh_checker_add_prior_plan().
 *
 * Returns: (transfer full): the source names, sorted
 */
GStrv
jh_plan_dup_prior_sources (JhPlan *plan)
{
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  GListModel *sections;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);

  sections = jh_plan_get_sections (plan);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      add_paragraph_sources (sources, jh_section_get_paragraphs (section));
      add_task_sources (sources, jh_section_get_tasks (section));
    }

  g_hash_table_iter_init (&iter, sources);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_ptr_array_sort (names, compare_names);

  return (GStrv) g_ptr_array_steal (names, NULL);
}

/* Rules on their own examples. */

static JhPlan *
build_example_plan (JhRule        *rule,
                    JhRuleExample *example)
{
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(JhSection) section = NULL;
  JhSectionKind kind = JH_SECTION_KIND_MAIN_TASKS;

  if (example->plan != NULL)
    return g_object_ref (example->plan);

  if (example->has_kind)
    kind = example->kind;
  else
    for (guint k = 0; k <= JH_SECTION_KIND_OTHER; k++)
      if (rule->kinds & (1u << k))
        {
          kind = k;
          break;
        }

  plan = jh_plan_new (example->year);
  jh_plan_set_title (plan, "示例");
  jh_plan_set_organization (plan, "示例单位");
  section = jh_section_new (kind, jh_section_kind_get_title (kind));

  /* Rules about tasks read an example as a task's lead. */
  if (rule->category == JH_RULE_CATEGORY_TARGET || rule->category == JH_RULE_CATEGORY_SCHEDULE)
    {
      g_autoptr(JhTask) task = jh_task_new (example->text);

      jh_section_insert_task (section, -1, task);
    }
  else
    {
      g_autoptr(JhParagraph) paragraph = jh_paragraph_new (example->text);

      jh_section_insert_paragraph (section, -1, paragraph);
    }

  jh_plan_insert_section (plan, -1, section);

  return g_steal_pointer (&plan);
}

static char *
describe_example (JhRuleExample *example)
{
  JhSection *section;

  if (example->text != NULL)
    return g_strdup (example->text);

  section = jh_plan_find_section (example->plan, JH_SECTION_KIND_MAIN_TASKS);
  if (section == NULL && g_list_model_get_n_items (jh_plan_get_sections (example->plan)) > 0)
    {
      g_autoptr(JhSection) first = g_list_model_get_item (jh_plan_get_sections (example->plan), 0);

      return g_strdup (jh_section_get_title (first));
    }

  return g_strdup (section ? jh_section_get_title (section) : "");
}

/**
 * _jh_checker_test_rule:
 * @rule: a rule
 * @library: its library, whose clauses its examples may need
 * @failures: (element-type utf8): where to add what failed
 *
 * Runs @rule alone on each of its examples: one that must be flagged
 * must give a finding (of the expected text, if the example names it),
 * one that must not must give none.
 */
void
_jh_checker_test_rule (JhRule    *rule,
                       JhLibrary *library,
                       GPtrArray *failures)
{
  g_autoptr(JhLibrarySet) set = jh_library_set_new ();
  g_autoptr(JhChecker) checker = NULL;

  jh_library_set_append (set, library);
  checker = jh_checker_new (set);
  checker->only_rule = g_object_ref (rule);
  checker->english = FALSE;

  for (guint i = 0; i < rule->examples->len; i++)
    {
      JhRuleExample *example = g_ptr_array_index (rule->examples, i);
      g_autoptr(JhPlan) plan = build_example_plan (rule, example);
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *description = describe_example (example);
      gboolean expected_found = example->expect == NULL;

      g_hash_table_remove_all (checker->priors);
      if (example->prior != NULL)
        jh_checker_add_prior_plan (checker, example->prior_source, example->prior);

      findings = _jh_checker_run (checker, plan, NULL);

      if (example->flagged && findings->len == 0)
        {
          g_ptr_array_add (failures,
                           g_strdup_printf (_("%s:%ld: rule “%s”: the example must be flagged and is not: “%s”"),
                                            rule->display_name, example->line, rule->id, description));
          continue;
        }

      if (!example->flagged && findings->len > 0)
        {
          JhFinding *finding = g_ptr_array_index (findings, 0);

          g_ptr_array_add (failures,
                           g_strdup_printf (_("%s:%ld: rule “%s”: the example must not be flagged, but “%s” is: %s"),
                                            rule->display_name, example->line, rule->id,
                                            jh_finding_get_text (finding), jh_finding_get_message (finding)));
          continue;
        }

      for (guint j = 0; j < findings->len && !expected_found; j++)
        expected_found = g_strcmp0 (jh_finding_get_text (g_ptr_array_index (findings, j)), example->expect) == 0;

      if (!expected_found)
        g_ptr_array_add (failures,
                         g_strdup_printf (_("%s:%ld: rule “%s”: the example should flag “%s”, but flags “%s”"),
                                          rule->display_name, example->line, rule->id, example->expect,
                                          jh_finding_get_text (g_ptr_array_index (findings, 0))));
    }
}
