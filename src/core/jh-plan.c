/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-enum-types.h"
#include "jh-node-private.h"
#include "jh-plan.h"

struct _JhPlan
{
  JhNode          parent_instance;

  char           *title;
  char           *organization;
  char           *drafter;
  char           *document_number;
  char           *signoff_organization;
  GDate          *date;
  GDate          *signoff_date;
  guint           year;
  JhDocumentKind  kind;
  JhPlanStatus    status;

  GListStore     *sections;
  GPtrArray      *ignored;        /* of IgnoredFinding, in the order ignored */
};

/* A finding the user chose to ignore: the rule, where (a finding's
 * location key) and the flagged text, so that the same text flagged
 * elsewhere, or a changed text, is flagged again.
 */
typedef struct
{
  char *rule;
  char *path;
  char *text;
} IgnoredFinding;

static void
ignored_finding_free (IgnoredFinding *ignored)
{
  g_free (ignored->rule);
  g_free (ignored->path);
  g_free (ignored->text);
  g_free (ignored);
}

G_DEFINE_FINAL_TYPE (JhPlan, jh_plan, JH_TYPE_NODE)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_ORGANIZATION,
  PROP_YEAR,
  PROP_DRAFTER,
  PROP_STATUS,
  PROP_DOCUMENT_NUMBER,
  PROP_DATE,
  PROP_SIGNOFF_ORGANIZATION,
  PROP_SIGNOFF_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jh_plan_dispose (GObject *object)
{
  JhPlan *self = (JhPlan *) object;

  _jh_node_list_clear (self->sections);

  G_OBJECT_CLASS (jh_plan_parent_class)->dispose (object);
}

static void
jh_plan_finalize (GObject *object)
{
  JhPlan *self = (JhPlan *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->drafter, g_free);
  g_clear_pointer (&self->document_number, g_free);
  g_clear_pointer (&self->signoff_organization, g_free);
  g_clear_pointer (&self->date, g_date_free);
  g_clear_pointer (&self->signoff_date, g_date_free);
  g_clear_object (&self->sections);
  g_clear_pointer (&self->ignored, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_plan_parent_class)->finalize (object);
}

static void
jh_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JhPlan *self = JH_PLAN (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;

    case PROP_DRAFTER:
      g_value_set_string (value, self->drafter);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_DOCUMENT_NUMBER:
      g_value_set_string (value, self->document_number);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_SIGNOFF_ORGANIZATION:
      g_value_set_string (value, self->signoff_organization);
      break;

    case PROP_SIGNOFF_DATE:
      g_value_set_boxed (value, self->signoff_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_plan_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JhPlan *self = JH_PLAN (object);

  switch (prop_id)
    {
    case PROP_KIND:
      jh_plan_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      jh_plan_set_title (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION:
      jh_plan_set_organization (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      jh_plan_set_year (self, g_value_get_uint (value));
      break;

    case PROP_DRAFTER:
      jh_plan_set_drafter (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      jh_plan_set_status (self, g_value_get_enum (value));
      break;

    case PROP_DOCUMENT_NUMBER:
      jh_plan_set_document_number (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      jh_plan_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_SIGNOFF_ORGANIZATION:
      jh_plan_set_signoff_organization (self, g_value_get_string (value));
      break;

    case PROP_SIGNOFF_DATE:
      jh_plan_set_signoff_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL,
                              "",
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
date_property (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL,
                             G_TYPE_DATE,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static GListModel *
jh_plan_get_child_list (JhNode *node,
                        GType   child_type)
{
  JhPlan *self = JH_PLAN (node);

  if (child_type == JH_TYPE_SECTION)
    return G_LIST_MODEL (self->sections);

  return NULL;
}

static void
jh_plan_class_init (JhPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JhNodeClass *node_class = JH_NODE_CLASS (klass);

  object_class->dispose = jh_plan_dispose;
  object_class->finalize = jh_plan_finalize;
  object_class->get_property = jh_plan_get_property;
  object_class->set_property = jh_plan_set_property;

  node_class->get_child_list = jh_plan_get_child_list;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       JH_TYPE_DOCUMENT_KIND,
                       JH_DOCUMENT_KIND_PLAN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_ORGANIZATION] = string_property ("organization");

  /**
   * JhPlan:year:
   *
   * The year the plan is for, which decides what is current wording and
   * which dates belong to it.
   */
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL,
                       JH_PLAN_MIN_YEAR, JH_PLAN_MAX_YEAR, 2027,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DRAFTER] = string_property ("drafter");

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       JH_TYPE_PLAN_STATUS,
                       JH_PLAN_STATUS_DRAFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhPlan:document-number:
   *
   * The issuing number (文号), such as "青政工〔2027〕1号".
   */
  properties[PROP_DOCUMENT_NUMBER] = string_property ("document-number");

  /**
   * JhPlan:date:
   *
   * The date the document is issued (印发日期).
   */
  properties[PROP_DATE] = date_property ("date");

  /**
   * JhPlan:signoff-organization:
   *
   * The organization named in the sign-off (落款).
   */
  properties[PROP_SIGNOFF_ORGANIZATION] = string_property ("signoff-organization");

  /**
   * JhPlan:signoff-date:
   *
   * The date in the sign-off (成文日期).
   */
  properties[PROP_SIGNOFF_DATE] = date_property ("signoff-date");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_plan_init (JhPlan *self)
{
  self->kind = JH_DOCUMENT_KIND_PLAN;
  self->status = JH_PLAN_STATUS_DRAFT;
  self->year = 2027;
  self->title = g_strdup ("");
  self->organization = g_strdup ("");
  self->drafter = g_strdup ("");
  self->document_number = g_strdup ("");
  self->signoff_organization = g_strdup ("");
  self->sections = g_list_store_new (JH_TYPE_SECTION);
  self->ignored = g_ptr_array_new_with_free_func ((GDestroyNotify) ignored_finding_free);
}

/**
 * jh_plan_new:
 * @year: the year the plan is for
 *
 * Returns: (transfer full): a new, empty plan
 */
JhPlan *
jh_plan_new (guint year)
{
  g_return_val_if_fail (year >= JH_PLAN_MIN_YEAR && year <= JH_PLAN_MAX_YEAR, NULL);

  return g_object_new (JH_TYPE_PLAN,
                       "year", year,
                       NULL);
}

JhDocumentKind
jh_plan_get_kind (JhPlan *self)
{
  g_return_val_if_fail (JH_IS_PLAN (self), JH_DOCUMENT_KIND_PLAN);

  return self->kind;
}

void
jh_plan_set_kind (JhPlan         *self,
                  JhDocumentKind  kind)
{
  g_return_if_fail (JH_IS_PLAN (self));
  g_return_if_fail (kind <= JH_DOCUMENT_KIND_OTHER);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                            \
const char *                                                            \
jh_plan_get_##field (JhPlan *self)                                      \
{                                                                       \
  g_return_val_if_fail (JH_IS_PLAN (self), NULL);                       \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
jh_plan_set_##field (JhPlan     *self,                                  \
                     const char *value)                                 \
{                                                                       \
  g_return_if_fail (JH_IS_PLAN (self));                                 \
  if (_jh_set_line (&self->field, value))                             \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
}

DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (organization, PROP_ORGANIZATION)
DEFINE_STRING_ACCESSORS (drafter, PROP_DRAFTER)
DEFINE_STRING_ACCESSORS (document_number, PROP_DOCUMENT_NUMBER)
DEFINE_STRING_ACCESSORS (signoff_organization, PROP_SIGNOFF_ORGANIZATION)

#undef DEFINE_STRING_ACCESSORS

guint
jh_plan_get_year (JhPlan *self)
{
  g_return_val_if_fail (JH_IS_PLAN (self), 0);

  return self->year;
}

void
jh_plan_set_year (JhPlan *self,
                  guint   year)
{
  g_return_if_fail (JH_IS_PLAN (self));
  g_return_if_fail (year >= JH_PLAN_MIN_YEAR && year <= JH_PLAN_MAX_YEAR);

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

JhPlanStatus
jh_plan_get_status (JhPlan *self)
{
  g_return_val_if_fail (JH_IS_PLAN (self), JH_PLAN_STATUS_DRAFT);

  return self->status;
}

void
jh_plan_set_status (JhPlan       *self,
                    JhPlanStatus  status)
{
  g_return_if_fail (JH_IS_PLAN (self));
  g_return_if_fail (status <= JH_PLAN_STATUS_FINAL);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_compare (a, b) == 0;
}

/* Stores a copy of a valid @date in @field, and says whether it changed.
 * A date outside the years a plan can be for is no date of a plan: it is
 * not stored, so that every plan saved can be read back.
 */
static gboolean
set_date (GDate       **field,
          const GDate  *date)
{
  if (date != NULL &&
      (!g_date_valid (date) ||
       g_date_get_year (date) < JH_PLAN_MIN_YEAR ||
       g_date_get_year (date) > JH_PLAN_MAX_YEAR))
    date = NULL;

  if (dates_equal (*field, date))
    return FALSE;

  g_clear_pointer (field, g_date_free);
  if (date != NULL)
    *field = g_date_copy (date);

  return TRUE;
}

/**
 * jh_plan_get_date:
 * @self: a #JhPlan
 *
 * Returns: (transfer none) (nullable): the date of issue
 */
const GDate *
jh_plan_get_date (JhPlan *self)
{
  g_return_val_if_fail (JH_IS_PLAN (self), NULL);

  return self->date;
}

void
jh_plan_set_date (JhPlan      *self,
                  const GDate *date)
{
  g_return_if_fail (JH_IS_PLAN (self));

  if (set_date (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * jh_plan_get_signoff_date:
 * @self: a #JhPlan
 *
 * Returns: (transfer none) (nullable): the date of the sign-off
 */
const GDate *
jh_plan_get_signoff_date (JhPlan *self)
{
  g_return_val_if_fail (JH_IS_PLAN (self), NULL);

  return self->signoff_date;
}

void
jh_plan_set_signoff_date (JhPlan      *self,
                          const GDate *date)
{
  g_return_if_fail (JH_IS_PLAN (self));

  if (set_date (&self->signoff_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNOFF_DATE]);
}

/**
 * jh_plan_get_sections:
 * @self: a #JhPlan
 *
 * Returns: (transfer none): the sections in document order, a list of
 *   #JhSection
 */
GListModel *
jh_plan_get_sections (JhPlan *self)
{
  g_return_val_if_fail (JH_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->sections);
}

void
jh_plan_insert_section (JhPlan    *self,
                        int        position,
                        JhSection *section)
{
  g_return_if_fail (JH_IS_PLAN (self));
  g_return_if_fail (JH_IS_SECTION (section));
  g_return_if_fail (jh_node_get_parent (JH_NODE (section)) == NULL);

  _jh_node_list_insert (JH_NODE (self), self->sections, position, section);
}

gboolean
jh_plan_remove_section (JhPlan    *self,
                        JhSection *section)
{
  g_return_val_if_fail (JH_IS_PLAN (self), FALSE);
  g_return_val_if_fail (JH_IS_SECTION (section), FALSE);

  return _jh_node_list_remove (JH_NODE (self), self->sections, section);
}

gboolean
jh_plan_move_section (JhPlan    *self,
                      JhSection *section,
                      guint      position)
{
  g_return_val_if_fail (JH_IS_PLAN (self), FALSE);
  g_return_val_if_fail (JH_IS_SECTION (section), FALSE);

  return _jh_node_list_move (JH_NODE (self), self->sections, section, position);
}

/**
 * jh_plan_find_section:
 * @self: a #JhPlan
 * @kind: a section kind
 *
 * Returns: (transfer none) (nullable): the first section of @kind
 */
JhSection *
jh_plan_find_section (JhPlan        *self,
                      JhSectionKind  kind)
{
  guint n_items;

  g_return_val_if_fail (JH_IS_PLAN (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (jh_section_get_kind (section) == kind)
        return section;
    }

  return NULL;
}

static guint
count_tasks (GListModel *tasks)
{
  guint n_items = g_list_model_get_n_items (tasks);
  guint count = n_items;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);

      count += count_tasks (jh_task_get_subtasks (task));
    }

  return count;
}

/**
 * jh_plan_count_tasks:
 * @self: a #JhPlan
 *
 * Returns: the number of tasks in the plan, sub-tasks included
 */
guint
jh_plan_count_tasks (JhPlan *self)
{
  guint n_items;
  guint count = 0;

  g_return_val_if_fail (JH_IS_PLAN (self), 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      count += count_tasks (jh_section_get_tasks (section));
    }

  return count;
}

static void
count_owners (GListModel *tasks,
              GHashTable *counts)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      const char *owner = jh_task_get_owner (task);

      if (*owner != '\0')
        g_hash_table_insert (counts, (gpointer) owner,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, owner)) + 1));
      count_owners (jh_task_get_subtasks (task), counts);
    }
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GHashTable *counts = user_data;
  const char *owner_a = *(const char **) a;
  const char *owner_b = *(const char **) b;
  guint count_a = GPOINTER_TO_UINT (g_hash_table_lookup (counts, owner_a));
  guint count_b = GPOINTER_TO_UINT (g_hash_table_lookup (counts, owner_b));

  if (count_a != count_b)
    return count_a > count_b ? -1 : 1;

  return g_strcmp0 (owner_a, owner_b);
}

/**
 * jh_plan_dup_owners:
 * @self: a #JhPlan
 *
 * The owners (牵头单位) the plan's tasks name, the most used first, so
 * that an editor can offer them: an office names the same few units
 * again and again, and should name them the same way.
 *
 * Returns: (transfer full): the owners
 */
GStrv
jh_plan_dup_owners (JhPlan *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  GListModel *sections;
  GHashTableIter iter;
  gpointer owner;

  g_return_val_if_fail (JH_IS_PLAN (self), NULL);

  sections = G_LIST_MODEL (self->sections);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      count_owners (jh_section_get_tasks (section), counts);
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &owner, NULL))
    g_ptr_array_add (owners, owner);
  g_ptr_array_sort_with_data (owners, compare_by_count, counts);

  {
    GStrv result = g_new0 (char *, owners->len + 1);

    for (guint i = 0; i < owners->len; i++)
      result[i] = g_strdup (g_ptr_array_index (owners, i));

    return result;
  }
}

/**
 * jh_format_date:
 * @date: (nullable): a date
 *
 * Formats a date as official documents write it: Arabic numerals, the
 * full year and no zero padding ("2027年1月8日").
 *
 * Returns: (transfer full): the date as text, empty for no date
 */
char *
jh_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%u年%u月%u日",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

static int
find_ignored (JhPlan     *self,
              const char *rule,
              const char *path,
              const char *text)
{
  for (guint i = 0; i < self->ignored->len; i++)
    {
      IgnoredFinding *ignored = g_ptr_array_index (self->ignored, i);

      if (g_str_equal (ignored->rule, rule) &&
          g_str_equal (ignored->path, path) &&
          g_str_equal (ignored->text, text))
        return i;
    }

  return -1;
}

/**
 * jh_plan_ignore_finding:
 * @self: a #JhPlan
 * @rule: the id of the rule that flagged the text
 * @path: where the finding is: its location key
 *   (jh_finding_dup_location_key())
 * @text: the flagged text
 *
 * Remembers, in the plan, that the user ignores a finding: the checks
 * leave it out from now on.  The plan changes (and is saved with it).
 *
 * Returns: %TRUE if the finding was not ignored before
 */
gboolean
jh_plan_ignore_finding (JhPlan     *self,
                        const char *rule,
                        const char *path,
                        const char *text)
{
  IgnoredFinding *ignored;

  g_return_val_if_fail (JH_IS_PLAN (self), FALSE);
  g_return_val_if_fail (rule != NULL && path != NULL && text != NULL, FALSE);

  if (find_ignored (self, rule, path, text) >= 0)
    return FALSE;

  ignored = g_new0 (IgnoredFinding, 1);
  ignored->rule = g_strdup (rule);
  ignored->path = g_strdup (path);
  ignored->text = g_strdup (text);
  g_ptr_array_add (self->ignored, ignored);
  _jh_node_emit_changed (JH_NODE (self));

  return TRUE;
}

/**
 * jh_plan_unignore_finding:
 * @self: a #JhPlan
 * @rule: the id of the rule
 * @path: the finding's location key
 * @text: the flagged text
 *
 * Forgets that a finding is ignored.
 *
 * Returns: %TRUE if it was ignored
 */
gboolean
jh_plan_unignore_finding (JhPlan     *self,
                          const char *rule,
                          const char *path,
                          const char *text)
{
  int position;

  g_return_val_if_fail (JH_IS_PLAN (self), FALSE);
  g_return_val_if_fail (rule != NULL && path != NULL && text != NULL, FALSE);

  position = find_ignored (self, rule, path, text);
  if (position < 0)
    return FALSE;

  g_ptr_array_remove_index (self->ignored, position);
  _jh_node_emit_changed (JH_NODE (self));

  return TRUE;
}

/**
 * jh_plan_is_finding_ignored:
 * @self: a #JhPlan
 * @rule: the id of the rule
 * @path: the finding's location key
 * @text: the flagged text
 *
 * Returns: whether the user ignores this finding
 */
gboolean
jh_plan_is_finding_ignored (JhPlan     *self,
                            const char *rule,
                            const char *path,
                            const char *text)
{
  g_return_val_if_fail (JH_IS_PLAN (self), FALSE);
  g_return_val_if_fail (rule != NULL && path != NULL && text != NULL, FALSE);

  return find_ignored (self, rule, path, text) >= 0;
}

/**
 * jh_plan_get_n_ignored_findings:
 * @self: a #JhPlan
 *
 * Returns: how many findings the user ignores
 */
guint
jh_plan_get_n_ignored_findings (JhPlan *self)
{
  g_return_val_if_fail (JH_IS_PLAN (self), 0);

  return self->ignored->len;
}

/**
 * jh_plan_get_ignored_finding:
 * @self: a #JhPlan
 * @position: from 0 to jh_plan_get_n_ignored_findings() - 1
 * @rule: (out) (optional) (transfer none): the rule's id
 * @path: (out) (optional) (transfer none): the location key
 * @text: (out) (optional) (transfer none): the flagged text
 *
 * Gives an ignored finding, in the order they were ignored.
 *
 * Returns: %FALSE if @position is past the end
 */
gboolean
jh_plan_get_ignored_finding (JhPlan      *self,
                             guint        position,
                             const char **rule,
                             const char **path,
                             const char **text)
{
  IgnoredFinding *ignored;

  g_return_val_if_fail (JH_IS_PLAN (self), FALSE);

  if (position >= self->ignored->len)
    return FALSE;

  ignored = g_ptr_array_index (self->ignored, position);
  if (rule != NULL)
    *rule = ignored->rule;
  if (path != NULL)
    *path = ignored->path;
  if (text != NULL)
    *text = ignored->text;

  return TRUE;
}
