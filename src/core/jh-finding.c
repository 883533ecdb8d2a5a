/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jh-enum-types.h"
#include "jh-finding-private.h"

/**
 * JhFinding:
 *
 * One thing a check found: which rule, how bad, what it says, and where:
 * the section, the task (by its path, "2.1"), the paragraph, and the
 * characters flagged, so that an editor can underline them.  Findings
 * are immutable; a new check gives new findings (a #JhReport keeps the
 * ones that did not change).
 */

struct _JhFix
{
  JhFixKind  kind;
  char      *replacement;
  char      *clause_id;
  JhClause  *clause;
};

G_DEFINE_BOXED_TYPE (JhFix, jh_fix, jh_fix_ref, jh_fix_unref)

/**
 * jh_fix_new_replace:
 * @replacement: the text to put in place of the flagged text
 *
 * Returns: (transfer full): a new fix
 */
JhFix *
jh_fix_new_replace (const char *replacement)
{
  JhFix *self = g_atomic_rc_box_new0 (JhFix);

  self->kind = JH_FIX_KIND_REPLACE;
  self->replacement = g_strdup (replacement ? replacement : "");

  return self;
}

/**
 * jh_fix_new_clause:
 * @clause_id: the id of the clause to use
 * @clause: (nullable): the clause, if the libraries have it
 *
 * Returns: (transfer full): a new fix
 */
JhFix *
jh_fix_new_clause (const char *clause_id,
                   JhClause   *clause)
{
  JhFix *self = g_atomic_rc_box_new0 (JhFix);

  g_return_val_if_fail (clause_id != NULL, NULL);

  self->kind = JH_FIX_KIND_CLAUSE;
  self->clause_id = g_strdup (clause_id);
  self->clause = clause ? g_object_ref (clause) : NULL;

  return self;
}

JhFix *
jh_fix_ref (JhFix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
jh_fix_clear (JhFix *self)
{
  g_free (self->replacement);
  g_free (self->clause_id);
  g_clear_object (&self->clause);
}

void
jh_fix_unref (JhFix *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) jh_fix_clear);
}

JhFixKind
jh_fix_get_kind (JhFix *self)
{
  g_return_val_if_fail (self != NULL, JH_FIX_KIND_REPLACE);

  return self->kind;
}

/**
 * jh_fix_get_replacement:
 * @self: a #JhFix
 *
 * Returns: (nullable): the replacement text of a replacing fix
 */
const char *
jh_fix_get_replacement (JhFix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->replacement;
}

/**
 * jh_fix_get_clause_id:
 * @self: a #JhFix
 *
 * Returns: (nullable): the clause id of a clause fix
 */
const char *
jh_fix_get_clause_id (JhFix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->clause_id;
}

/**
 * jh_fix_get_clause:
 * @self: a #JhFix
 *
 * Returns: (transfer none) (nullable): the clause of a clause fix, when
 *   the libraries in use have it
 */
JhClause *
jh_fix_get_clause (JhFix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->clause;
}

/**
 * jh_fix_dup_label:
 * @self: a #JhFix
 *
 * Returns: (transfer full): what the fix does, for a menu or a list
 */
char *
jh_fix_dup_label (JhFix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == JH_FIX_KIND_REPLACE)
    {
      if (*self->replacement == '\0')
        return g_strdup (_("Delete"));
      return g_strdup_printf (_("Replace with “%s”"), self->replacement);
    }

  if (self->clause != NULL)
    return g_strdup_printf (_("Use the clause “%s”"), jh_clause_get_title (self->clause));

  return g_strdup_printf (_("Use the clause %s"), self->clause_id);
}

struct _JhFinding
{
  GObject         parent_instance;

  JhRule         *rule;
  char           *message;
  char           *text;
  char           *context;
  JhFindingField  field;
  JhNode         *node;
  JhSection      *section;
  int             section_index;
  JhSectionKind   section_kind;
  char           *section_title;
  JhTask         *task;
  char           *task_path;
  int             paragraph_index;
  glong           char_offset;
  glong           char_length;
  GPtrArray      *fixes;
  guint64         order;
};

G_DEFINE_FINAL_TYPE (JhFinding, jh_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_RULE_ID,
  PROP_CATEGORY,
  PROP_SEVERITY,
  PROP_MESSAGE,
  PROP_TEXT,
  PROP_CONTEXT,
  PROP_FIELD,
  PROP_NODE,
  PROP_SECTION_TITLE,
  PROP_TASK_PATH,
  PROP_PARAGRAPH_INDEX,
  PROP_CHAR_OFFSET,
  PROP_CHAR_LENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jh_finding_dispose (GObject *object)
{
  JhFinding *self = (JhFinding *) object;

  g_clear_object (&self->node);
  g_clear_object (&self->section);
  g_clear_object (&self->task);
  g_clear_pointer (&self->fixes, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_finding_parent_class)->dispose (object);
}

static void
jh_finding_finalize (GObject *object)
{
  JhFinding *self = (JhFinding *) object;

  g_clear_object (&self->rule);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->context, g_free);
  g_clear_pointer (&self->section_title, g_free);
  g_clear_pointer (&self->task_path, g_free);

  G_OBJECT_CLASS (jh_finding_parent_class)->finalize (object);
}

static void
jh_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JhFinding *self = JH_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_object (value, self->rule);
      break;

    case PROP_RULE_ID:
      g_value_set_string (value, jh_rule_get_id (self->rule));
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, jh_rule_get_category (self->rule));
      break;

    case PROP_SEVERITY:
      g_value_set_enum (value, jh_rule_get_severity (self->rule));
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_CONTEXT:
      g_value_set_string (value, self->context);
      break;

    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;

    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;

    case PROP_SECTION_TITLE:
      g_value_set_string (value, self->section_title);
      break;

    case PROP_TASK_PATH:
      g_value_set_string (value, self->task_path);
      break;

    case PROP_PARAGRAPH_INDEX:
      g_value_set_int (value, self->paragraph_index);
      break;

    case PROP_CHAR_OFFSET:
      g_value_set_long (value, self->char_offset);
      break;

    case PROP_CHAR_LENGTH:
      g_value_set_long (value, self->char_length);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_finding_class_init (JhFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jh_finding_dispose;
  object_class->finalize = jh_finding_finalize;
  object_class->get_property = jh_finding_get_property;

  properties[PROP_RULE] = g_param_spec_object ("rule", NULL, NULL, JH_TYPE_RULE, flags);
  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_enum ("category", NULL, NULL,
                                                 JH_TYPE_RULE_CATEGORY, JH_RULE_CATEGORY_FORMULATION, flags);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL,
                                                 JH_TYPE_SEVERITY, JH_SEVERITY_WARNING, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_CONTEXT] = g_param_spec_string ("context", NULL, NULL, NULL, flags);
  properties[PROP_FIELD] = g_param_spec_enum ("field", NULL, NULL,
                                              JH_TYPE_FINDING_FIELD, JH_FINDING_FIELD_PARAGRAPH, flags);
  properties[PROP_NODE] = g_param_spec_object ("node", NULL, NULL, JH_TYPE_NODE, flags);
  properties[PROP_SECTION_TITLE] = g_param_spec_string ("section-title", NULL, NULL, NULL, flags);
  properties[PROP_TASK_PATH] = g_param_spec_string ("task-path", NULL, NULL, NULL, flags);
  properties[PROP_PARAGRAPH_INDEX] = g_param_spec_int ("paragraph-index", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_CHAR_OFFSET] = g_param_spec_long ("char-offset", NULL, NULL, 0, G_MAXLONG, 0, flags);
  properties[PROP_CHAR_LENGTH] = g_param_spec_long ("char-length", NULL, NULL, 0, G_MAXLONG, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_finding_init (JhFinding *self)
{
  self->section_index = -1;
  self->paragraph_index = -1;
}

/* What a section is called in a location: its title, or the usual title
 * of its kind, or the kind's name.
 */
static char *
dup_section_name (JhSection *section)
{
  const char *title = jh_section_get_title (section);
  JhSectionKind kind = jh_section_get_kind (section);

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (*jh_section_kind_get_title (kind) != '\0')
    return g_strdup (jh_section_kind_get_title (kind));

  return g_strdup (jh_section_kind_get_label (kind));
}

/**
 * _jh_finding_new:
 * @rule: the rule that found it
 * @location: where
 * @message: the message, its variables filled
 * @text: the flagged text
 * @context: the text around it (the paragraph, the lead)
 * @char_offset: where the flagged text starts in the field, in characters
 * @char_length: its length in characters
 * @fixes: (element-type JhFix) (nullable): the fixes on offer
 *
 * Returns: (transfer full): a new finding
 */
JhFinding *
_jh_finding_new (JhRule                  *rule,
                 const JhFindingLocation *location,
                 const char              *message,
                 const char              *text,
                 const char              *context,
                 glong                    char_offset,
                 glong                    char_length,
                 GPtrArray               *fixes)
{
  JhFinding *self = g_object_new (JH_TYPE_FINDING, NULL);

  self->rule = g_object_ref (rule);
  self->message = g_strdup (message);
  self->text = g_strdup (text ? text : "");
  self->context = g_strdup (context ? context : "");
  self->field = location->field;
  self->node = g_object_ref (location->node);
  self->section = location->section ? g_object_ref (location->section) : NULL;
  self->section_index = location->section_index;
  self->section_kind = location->section ? jh_section_get_kind (location->section) : JH_SECTION_KIND_OTHER;
  self->section_title = location->section ? dup_section_name (location->section) : NULL;
  self->task = location->task ? g_object_ref (location->task) : NULL;
  self->task_path = location->task ? jh_task_dup_path (location->task) : NULL;
  self->paragraph_index = location->paragraph_index;
  self->char_offset = char_offset;
  self->char_length = char_length;
  self->fixes = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_fix_unref);
  for (guint i = 0; fixes != NULL && i < fixes->len; i++)
    g_ptr_array_add (self->fixes, jh_fix_ref (g_ptr_array_index (fixes, i)));

  return self;
}

/* Whether two findings say the same thing about the same place, so that
 * a report can keep the one a view already shows.
 */
gboolean
_jh_finding_equal (JhFinding *a,
                   JhFinding *b)
{
  return a->rule == b->rule &&
         a->node == b->node &&
         a->field == b->field &&
         a->char_offset == b->char_offset &&
         a->char_length == b->char_length &&
         a->section_index == b->section_index &&
         a->paragraph_index == b->paragraph_index &&
         g_strcmp0 (a->task_path, b->task_path) == 0 &&
         g_strcmp0 (a->section_title, b->section_title) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->message, b->message) == 0 &&
         g_strcmp0 (a->context, b->context) == 0;
}

guint
_jh_finding_hash (JhFinding *self)
{
  return g_direct_hash (self->rule) ^ g_direct_hash (self->node) ^
         g_str_hash (self->text) ^ (guint) (self->char_offset * 31 + self->field);
}

void
_jh_finding_set_order (JhFinding *self,
                       guint64    order)
{
  self->order = order;
}

guint64
_jh_finding_get_order (JhFinding *self)
{
  return self->order;
}

/**
 * jh_finding_get_rule:
 * @self: a #JhFinding
 *
 * Returns: (transfer none): the rule that found it
 */
JhRule *
jh_finding_get_rule (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->rule;
}

const char *
jh_finding_get_rule_id (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return jh_rule_get_id (self->rule);
}

JhRuleCategory
jh_finding_get_category (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), JH_RULE_CATEGORY_FORMULATION);

  return jh_rule_get_category (self->rule);
}

JhSeverity
jh_finding_get_severity (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), JH_SEVERITY_WARNING);

  return jh_rule_get_severity (self->rule);
}

/**
 * jh_finding_get_message:
 * @self: a #JhFinding
 *
 * Returns: what is wrong, in the language of the user interface where
 *   the rule has it
 */
const char *
jh_finding_get_message (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->message;
}

/**
 * jh_finding_get_text:
 * @self: a #JhFinding
 *
 * Returns: the flagged text
 */
const char *
jh_finding_get_text (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->text;
}

/**
 * jh_finding_get_context:
 * @self: a #JhFinding
 *
 * Returns: the text the flagged text is in: the paragraph, or the task's
 *   lead for a finding about a task
 */
const char *
jh_finding_get_context (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->context;
}

JhFindingField
jh_finding_get_field (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), JH_FINDING_FIELD_PLAN);

  return self->field;
}

/**
 * jh_finding_get_node:
 * @self: a #JhFinding
 *
 * Returns: (transfer none): what the finding is in: the #JhParagraph, the
 *   #JhTask (lead, owner, timing…), the #JhSection or the #JhPlan
 */
JhNode *
jh_finding_get_node (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->node;
}

/**
 * jh_finding_get_section:
 * @self: a #JhFinding
 *
 * Returns: (transfer none) (nullable): the section the finding is in
 */
JhSection *
jh_finding_get_section (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->section;
}

/**
 * jh_finding_get_section_index:
 * @self: a #JhFinding
 *
 * Returns: the position of the section in the plan, or -1
 */
int
jh_finding_get_section_index (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), -1);

  return self->section_index;
}

JhSectionKind
jh_finding_get_section_kind (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), JH_SECTION_KIND_OTHER);

  return self->section_kind;
}

/**
 * jh_finding_get_section_title:
 * @self: a #JhFinding
 *
 * Returns: (nullable): what the section is called in locations
 */
const char *
jh_finding_get_section_title (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->section_title;
}

/**
 * jh_finding_get_task:
 * @self: a #JhFinding
 *
 * Returns: (transfer none) (nullable): the task the finding is in
 */
JhTask *
jh_finding_get_task (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->task;
}

/**
 * jh_finding_get_task_path:
 * @self: a #JhFinding
 *
 * Returns: (nullable): the task's path, such as "2.1"
 */
const char *
jh_finding_get_task_path (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->task_path;
}

/**
 * jh_finding_get_paragraph_index:
 * @self: a #JhFinding
 *
 * Returns: the paragraph's position among those of its section or task,
 *   or -1 when the finding is not in a paragraph
 */
int
jh_finding_get_paragraph_index (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), -1);

  return self->paragraph_index;
}

/**
 * jh_finding_get_char_offset:
 * @self: a #JhFinding
 *
 * Returns: where the flagged text starts in its field, in characters
 */
glong
jh_finding_get_char_offset (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), 0);

  return self->char_offset;
}

glong
jh_finding_get_char_length (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), 0);

  return self->char_length;
}

/**
 * jh_finding_get_fixes:
 * @self: a #JhFinding
 *
 * Returns: (transfer none) (element-type JhFix): the fixes on offer,
 *   perhaps none
 */
GPtrArray *
jh_finding_get_fixes (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  return self->fixes;
}

/**
 * _jh_finding_location_format:
 * @location: a location
 *
 * Returns: (transfer full): the location as jh_finding_dup_location()
 *   gives it
 */
char *
_jh_finding_location_format (const JhFindingLocation *location)
{
  g_autofree char *section = NULL;
  g_autofree char *path = NULL;

  if (location->section == NULL)
    return g_strdup ("");

  section = dup_section_name (location->section);
  if (location->task == NULL)
    return g_steal_pointer (&section);

  path = jh_task_dup_path (location->task);

  return g_strdup_printf ("%s/%s", section, path);
}

/**
 * jh_finding_dup_location:
 * @self: a #JhFinding
 *
 * Returns: (transfer full): where the finding is, for people: the
 *   section and the task's path, "主要任务/2.1"; empty for the plan as a
 *   whole
 */
char *
jh_finding_dup_location (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  if (self->section_title == NULL)
    return g_strdup ("");

  if (self->task_path != NULL)
    return g_strdup_printf ("%s/%s", self->section_title, self->task_path);

  return g_strdup (self->section_title);
}

const char *
jh_finding_field_to_nick (JhFindingField field)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (JH_TYPE_FINDING_FIELD);
  GEnumValue *value = g_enum_get_value (klass, field);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

/**
 * jh_finding_dup_location_key:
 * @self: a #JhFinding
 *
 * Where the finding is, for programs: the section's kind and position,
 * the task's path, the field and the paragraph, such as
 * "main-tasks#3/2.1/paragraph:2".  With the rule's id and the flagged
 * text it identifies a finding the user chose to ignore, in a form that
 * can be saved.
 *
 * Returns: (transfer full): the location key
 */
char *
jh_finding_dup_location_key (JhFinding *self)
{
  GString *key;

  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  key = g_string_new (NULL);
  if (self->section != NULL)
    g_string_append_printf (key, "%s#%d/%s/", jh_section_kind_to_nick (self->section_kind),
                            self->section_index + 1, self->task_path ? self->task_path : "-");
  g_string_append (key, jh_finding_field_to_nick (self->field));
  if (self->paragraph_index >= 0)
    g_string_append_printf (key, ":%d", self->paragraph_index + 1);

  return g_string_free (key, FALSE);
}

/**
 * jh_finding_get_plan:
 * @self: a #JhFinding
 *
 * Returns: (transfer none) (nullable): the plan the finding is in, or
 *   %NULL when its text has been taken out of the plan since
 */
JhPlan *
jh_finding_get_plan (JhFinding *self)
{
  JhNode *root;

  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  if (self->node == NULL)
    return NULL;

  root = jh_node_get_root (self->node);

  return JH_IS_PLAN (root) ? JH_PLAN (root) : NULL;
}

typedef gboolean (*IgnoreFunc) (JhPlan     *plan,
                                const char *rule,
                                const char *path,
                                const char *text);

static gboolean
call_ignore_func (JhFinding  *self,
                  IgnoreFunc  func)
{
  g_autofree char *path = NULL;
  JhPlan *plan = jh_finding_get_plan (self);

  if (plan == NULL)
    return FALSE;

  path = jh_finding_dup_location_key (self);

  return func (plan, jh_finding_get_rule_id (self), path, self->text ? self->text : "");
}

/**
 * jh_finding_ignore:
 * @self: a #JhFinding
 *
 * Remembers in the finding's plan that the user ignores it: see
 * jh_plan_ignore_finding().  Checks of the plan leave it out from now
 * on, until the flagged text or its place changes.
 *
 * Returns: %TRUE if the plan changed
 */
gboolean
jh_finding_ignore (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), FALSE);

  return call_ignore_func (self, jh_plan_ignore_finding);
}

/**
 * jh_finding_unignore:
 * @self: a #JhFinding
 *
 * Undoes jh_finding_ignore().
 *
 * Returns: %TRUE if the plan changed
 */
gboolean
jh_finding_unignore (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), FALSE);

  return call_ignore_func (self, jh_plan_unignore_finding);
}

/**
 * jh_finding_is_ignored:
 * @self: a #JhFinding
 *
 * Returns: whether the finding's plan says to ignore it
 */
gboolean
jh_finding_is_ignored (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), FALSE);

  return call_ignore_func (self, jh_plan_is_finding_ignored);
}

/**
 * jh_finding_dup_diff:
 * @self: a #JhFinding
 *
 * For a reuse finding whose fix is a clause (an old clause version, a
 * superseded clause): how the flagged paragraph differs from the clause's
 * text as it would go into the plan, character by character.
 *
 * Returns: (transfer full) (nullable) (element-type JhDiffChunk): the
 *   difference (see jh_text_diff()), or %NULL when no fix is a clause
 */
GPtrArray *
jh_finding_dup_diff (JhFinding *self)
{
  g_return_val_if_fail (JH_IS_FINDING (self), NULL);

  /* Only a reused paragraph is compared whole with a clause; other
   * findings flag a phrase, which a clause does not replace.
   */
  if (jh_finding_get_category (self) != JH_RULE_CATEGORY_REUSE)
    return NULL;

  for (guint i = 0; self->fixes != NULL && i < self->fixes->len; i++)
    {
      JhFix *fix = g_ptr_array_index (self->fixes, i);
      g_autofree char *expanded = NULL;

      if (jh_fix_get_kind (fix) != JH_FIX_KIND_CLAUSE || jh_fix_get_clause (fix) == NULL)
        continue;

      expanded = jh_clause_expand (jh_fix_get_clause (fix), jh_finding_get_plan (self));

      return jh_text_diff (self->text ? self->text : "", expanded);
    }

  return NULL;
}

/* Fixing: the finding says where the text is; the fix says what to put
 * there.  The text must still be what was checked.
 */

static const char *
get_field_text (JhFinding *self)
{
  switch (self->field)
    {
    case JH_FINDING_FIELD_TITLE:
      return jh_plan_get_title (JH_PLAN (self->node));
    case JH_FINDING_FIELD_ORGANIZATION:
      return jh_plan_get_organization (JH_PLAN (self->node));
    case JH_FINDING_FIELD_SIGNOFF:
      return jh_plan_get_signoff_organization (JH_PLAN (self->node));
    case JH_FINDING_FIELD_SECTION_TITLE:
      return jh_section_get_title (JH_SECTION (self->node));
    case JH_FINDING_FIELD_LEAD:
      return jh_task_get_lead (JH_TASK (self->node));
    case JH_FINDING_FIELD_OWNER:
      return jh_task_get_owner (JH_TASK (self->node));
    case JH_FINDING_FIELD_PARTICIPANTS:
      return jh_task_get_participants (JH_TASK (self->node));
    case JH_FINDING_FIELD_TIMING:
      return jh_task_get_timing (JH_TASK (self->node));
    case JH_FINDING_FIELD_PARAGRAPH:
      return jh_paragraph_get_text (JH_PARAGRAPH (self->node));
    case JH_FINDING_FIELD_PLAN:
    case JH_FINDING_FIELD_SECTION:
    default:
      return NULL;
    }
}

static void
set_field_text (JhFinding  *self,
                const char *text)
{
  switch (self->field)
    {
    case JH_FINDING_FIELD_TITLE:
      jh_plan_set_title (JH_PLAN (self->node), text);
      break;
    case JH_FINDING_FIELD_ORGANIZATION:
      jh_plan_set_organization (JH_PLAN (self->node), text);
      break;
    case JH_FINDING_FIELD_SIGNOFF:
      jh_plan_set_signoff_organization (JH_PLAN (self->node), text);
      break;
    case JH_FINDING_FIELD_SECTION_TITLE:
      jh_section_set_title (JH_SECTION (self->node), text);
      break;
    case JH_FINDING_FIELD_LEAD:
      jh_task_set_lead (JH_TASK (self->node), text);
      break;
    case JH_FINDING_FIELD_OWNER:
      jh_task_set_owner (JH_TASK (self->node), text);
      break;
    case JH_FINDING_FIELD_PARTICIPANTS:
      jh_task_set_participants (JH_TASK (self->node), text);
      break;
    case JH_FINDING_FIELD_TIMING:
      jh_task_set_timing (JH_TASK (self->node), text);
      break;
    case JH_FINDING_FIELD_PARAGRAPH:
      jh_paragraph_set_text (JH_PARAGRAPH (self->node), text);
      break;
    case JH_FINDING_FIELD_PLAN:
    case JH_FINDING_FIELD_SECTION:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_unchanged (JhFinding   *self,
                 const char  *field_text,
                 const char **start,
                 const char **end,
                 GError     **error)
{
  glong length = field_text ? g_utf8_strlen (field_text, -1) : 0;

  if (field_text == NULL || self->char_offset + self->char_length > length)
    goto changed;

  *start = g_utf8_offset_to_pointer (field_text, self->char_offset);
  *end = g_utf8_offset_to_pointer (*start, self->char_length);
  if ((gsize) (*end - *start) != strlen (self->text) || strncmp (*start, self->text, *end - *start) != 0)
    goto changed;

  return TRUE;

changed:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The text has changed since it was checked; check it again"));
  return FALSE;
}

static JhPlan *
get_plan (JhFinding *self)
{
  JhNode *root = jh_node_get_root (self->node);

  return JH_IS_PLAN (root) ? JH_PLAN (root) : NULL;
}

/* A new section goes where its kind belongs among the plan's sections:
 * the kinds are declared in the order of a plan.
 */
static JhSection *
add_section (JhPlan        *plan,
             JhSectionKind  kind)
{
  g_autoptr(JhSection) section = jh_section_new (kind, jh_section_kind_get_title (kind));
  GListModel *sections = jh_plan_get_sections (plan);
  guint position = g_list_model_get_n_items (sections);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) other = g_list_model_get_item (sections, i);

      if (jh_section_get_kind (other) > kind)
        {
          position = i;
          break;
        }
    }

  jh_plan_insert_section (plan, position, section);

  return section;
}

static gboolean
apply_clause (JhFinding  *self,
              JhFix      *fix,
              GError    **error)
{
  g_autoptr(JhProvenance) provenance = NULL;
  g_autoptr(JhParagraph) paragraph = NULL;
  g_autofree char *text = NULL;
  JhPlan *plan = get_plan (self);
  JhSection *section = self->section;

  if (fix->clause == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The clause “%s” is in none of the libraries in use"), fix->clause_id);
      return FALSE;
    }

  text = jh_clause_expand (fix->clause, plan);
  provenance = jh_provenance_new (jh_clause_get_id (fix->clause), jh_clause_get_version (fix->clause), NULL, 0);

  /* A flagged paragraph as a whole is replaced by the clause. */
  if (self->field == JH_FINDING_FIELD_PARAGRAPH &&
      self->char_offset == 0 &&
      self->char_length == g_utf8_strlen (jh_paragraph_get_text (JH_PARAGRAPH (self->node)), -1))
    {
      const char *start, *end;

      if (!check_unchanged (self, jh_paragraph_get_text (JH_PARAGRAPH (self->node)), &start, &end, error))
        return FALSE;

      jh_paragraph_set_text (JH_PARAGRAPH (self->node), text);
      jh_paragraph_set_provenance (JH_PARAGRAPH (self->node), provenance);
      return TRUE;
    }

  /* Otherwise it is added: to the section, or as a new section. */
  if (section == NULL)
    {
      guint n_kinds = 0;
      const JhSectionKind *kinds = jh_clause_get_kinds (fix->clause, &n_kinds);

      if (plan == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The finding is not in a plan"));
          return FALSE;
        }

      section = jh_plan_find_section (plan, n_kinds > 0 ? kinds[0] : JH_SECTION_KIND_OTHER);
      if (section == NULL)
        section = add_section (plan, n_kinds > 0 ? kinds[0] : JH_SECTION_KIND_OTHER);
    }

  paragraph = jh_paragraph_new (text);
  jh_paragraph_set_provenance (paragraph, provenance);
  jh_section_insert_paragraph (section, -1, paragraph);

  return TRUE;
}

/**
 * jh_finding_apply_fix:
 * @self: a #JhFinding
 * @fix: one of its fixes
 * @error: return location for a #GError
 *
 * Changes the plan as @fix says.  The flagged text must still be there,
 * unchanged since the check; after the change, the plan must be checked
 * again.
 *
 * Returns: %TRUE on success
 */
gboolean
jh_finding_apply_fix (JhFinding  *self,
                      JhFix      *fix,
                      GError    **error)
{
  const char *field_text, *start, *end;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (JH_IS_FINDING (self), FALSE);
  g_return_val_if_fail (fix != NULL, FALSE);

  if (fix->kind == JH_FIX_KIND_CLAUSE)
    return apply_clause (self, fix, error);

  field_text = get_field_text (self);
  if (!check_unchanged (self, field_text, &start, &end, error))
    return FALSE;

  text = g_string_new_len (field_text, start - field_text);
  g_string_append (text, fix->replacement);
  g_string_append (text, end);
  set_field_text (self, text->str);

  return TRUE;
}
