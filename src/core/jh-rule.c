/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jh-enum-types.h"
#include "jh-plan.h"
#include "jh-rule-private.h"
#include "jh-xml-private.h"

/**
 * JhRule:
 *
 * A check, read from a library: which category's engine runs it and how
 * it is configured, how bad its findings are, the plan years it holds
 * for, the message it gives (Chinese, and optionally English), the fixes
 * it offers, and the examples that must and must not be flagged, which
 * run as its tests.  Rules are data: adding one needs no code.
 */

G_DEFINE_FINAL_TYPE (JhRule, jh_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CATEGORY,
  PROP_SEVERITY,
  PROP_MESSAGE,
  PROP_ENGLISH_MESSAGE,
  PROP_VALID_FROM,
  PROP_VALID_UNTIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fix_template_free (gpointer data)
{
  JhFixTemplate *fix = data;

  g_free (fix->text);
  g_free (fix->for_text);
  g_free (fix);
}

static void
marker_free (gpointer data)
{
  JhMarker *marker = data;

  g_free (marker->prefix);
  g_free (marker->suffix);
  g_free (marker);
}

static void
example_free (gpointer data)
{
  JhRuleExample *example = data;

  g_free (example->expect);
  g_free (example->text);
  g_clear_object (&example->plan);
  g_free (example->prior_source);
  g_clear_object (&example->prior);
  g_free (example);
}

static void
jh_rule_dispose (GObject *object)
{
  _jh_rule_set_library (JH_RULE (object), NULL);

  G_OBJECT_CLASS (jh_rule_parent_class)->dispose (object);
}

static void
jh_rule_finalize (GObject *object)
{
  JhRule *self = (JhRule *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->message_en, g_free);
  g_clear_pointer (&self->source_document, g_free);
  g_clear_pointer (&self->source_organization, g_free);
  g_clear_pointer (&self->patterns, g_ptr_array_unref);
  g_clear_pointer (&self->exceptions, g_ptr_array_unref);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->quantities, g_ptr_array_unref);
  g_clear_pointer (&self->requires, g_ptr_array_unref);
  g_clear_pointer (&self->fixes, g_ptr_array_unref);
  g_clear_pointer (&self->examples, g_ptr_array_unref);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (jh_rule_parent_class)->finalize (object);
}

static void
jh_rule_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JhRule *self = JH_RULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_ENGLISH_MESSAGE:
      g_value_set_string (value, self->message_en);
      break;

    case PROP_VALID_FROM:
      g_value_set_uint (value, self->from);
      break;

    case PROP_VALID_UNTIL:
      g_value_set_uint (value, self->until);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_rule_class_init (JhRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jh_rule_dispose;
  object_class->finalize = jh_rule_finalize;
  object_class->get_property = jh_rule_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_enum ("category", NULL, NULL,
                                                 JH_TYPE_RULE_CATEGORY, JH_RULE_CATEGORY_FORMULATION, flags);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL,
                                                 JH_TYPE_SEVERITY, JH_SEVERITY_WARNING, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_ENGLISH_MESSAGE] = g_param_spec_string ("english-message", NULL, NULL, NULL, flags);
  properties[PROP_VALID_FROM] = g_param_spec_uint ("valid-from", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_VALID_UNTIL] = g_param_spec_uint ("valid-until", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_rule_init (JhRule *self)
{
  self->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_pattern_free);
  self->exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_pattern_free);
  self->pairs = g_array_new (FALSE, FALSE, sizeof (JhPair));
  self->markers = g_ptr_array_new_with_free_func (marker_free);
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_pattern_free);
  self->quantities = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_pattern_free);
  self->requires = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_pattern_free);
  self->fixes = g_ptr_array_new_with_free_func (fix_template_free);
  self->examples = g_ptr_array_new_with_free_func (example_free);
  self->threshold = 0.8;
  self->min_length = 20;
}

const char *
jh_rule_get_id (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), NULL);

  return self->id;
}

JhRuleCategory
jh_rule_get_category (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), JH_RULE_CATEGORY_FORMULATION);

  return self->category;
}

JhSeverity
jh_rule_get_severity (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), JH_SEVERITY_WARNING);

  return self->severity;
}

/**
 * jh_rule_get_message:
 * @self: a #JhRule
 *
 * Returns: the message as written in the library, in Chinese, with its
 *   variables ({text}…) unfilled
 */
const char *
jh_rule_get_message (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), NULL);

  return self->message;
}

/**
 * jh_rule_get_english_message:
 * @self: a #JhRule
 *
 * Returns: (nullable): the English message, if the library gives one
 */
const char *
jh_rule_get_english_message (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), NULL);

  return self->message_en;
}

/**
 * jh_rule_get_valid_from:
 * @self: a #JhRule
 *
 * Returns: the first plan year the rule holds for, or 0 for no limit
 */
guint
jh_rule_get_valid_from (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), 0);

  return self->from;
}

/**
 * jh_rule_get_valid_until:
 * @self: a #JhRule
 *
 * Returns: the last plan year the rule holds for, or 0 for no limit
 */
guint
jh_rule_get_valid_until (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), 0);

  return self->until;
}

/**
 * jh_rule_is_valid_in:
 * @self: a #JhRule
 * @year: a plan's year
 *
 * What is current depends on the year a plan is for: "十四五" is right
 * in a 2025 plan and out of date in a 2027 one.
 *
 * Returns: whether the rule applies to plans for @year
 */
gboolean
jh_rule_is_valid_in (JhRule *self,
                     guint   year)
{
  g_return_val_if_fail (JH_IS_RULE (self), FALSE);

  return (self->from == 0 || year >= self->from) && (self->until == 0 || year <= self->until);
}

/**
 * jh_rule_applies_to_kind:
 * @self: a #JhRule
 * @kind: a kind of section
 *
 * Returns: whether the rule looks at sections of @kind
 */
gboolean
jh_rule_applies_to_kind (JhRule        *self,
                         JhSectionKind  kind)
{
  g_return_val_if_fail (JH_IS_RULE (self), FALSE);

  return self->kinds == 0 || (self->kinds & (1u << kind)) != 0;
}

/**
 * jh_rule_get_source_document:
 * @self: a #JhRule
 *
 * Returns: (nullable): the document that set the current wording
 */
const char *
jh_rule_get_source_document (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), NULL);

  return self->source_document;
}

/**
 * jh_rule_get_source_organization:
 * @self: a #JhRule
 *
 * Returns: (nullable): who issued it
 */
const char *
jh_rule_get_source_organization (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), NULL);

  return self->source_organization;
}

guint
jh_rule_get_source_year (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), 0);

  return self->source_year;
}

guint
jh_rule_get_n_examples (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), 0);

  return self->examples->len;
}

/**
 * jh_rule_get_library:
 * @self: a #JhRule
 *
 * Returns: (transfer none) (nullable): the library the rule was read
 *   from, while it exists
 */
JhLibrary *
jh_rule_get_library (JhRule *self)
{
  g_return_val_if_fail (JH_IS_RULE (self), NULL);

  return self->library;
}

void
_jh_rule_set_library (JhRule    *self,
                      JhLibrary *library)
{
  if (self->library == library)
    return;

  if (self->library != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->library), (gpointer *) &self->library);
  self->library = library;
  if (library != NULL)
    g_object_add_weak_pointer (G_OBJECT (library), (gpointer *) &self->library);
}

/**
 * _jh_prefer_english:
 *
 * Messages of rules are Chinese data with an optional English
 * translation; which to show follows the user interface's language,
 * simply: Chinese for a Chinese locale, else English where there is
 * some.
 *
 * Returns: whether English messages are wanted
 */
gboolean
_jh_prefer_english (void)
{
  const char * const *languages = g_get_language_names ();

  return !g_str_has_prefix (languages[0], "zh");
}

/**
 * _jh_rule_format:
 * @self: a #JhRule
 * @english: whether English is wanted
 * @variables: (element-type utf8 utf8): values of the message's
 *   variables ({text}, {year}…)
 *
 * Returns: (transfer full): the message with its variables filled; a
 *   variable without a value is left as written
 */
char *
_jh_rule_format (JhRule     *self,
                 gboolean    english,
                 GHashTable *variables)
{
  const char *message = english && self->message_en ? self->message_en : self->message;
  GString *result = g_string_new (NULL);

  for (const char *p = message; *p != '\0';)
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
        {
          g_string_append_c (result, *p);
          p++;
        }
    }

  return g_string_free (result, FALSE);
}

static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_return_val_if_fail (enum_value != NULL, NULL);

  return enum_value->value_nick;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;

  return TRUE;
}

const char *
jh_severity_to_nick (JhSeverity severity)
{
  return enum_to_nick (JH_TYPE_SEVERITY, severity);
}

gboolean
jh_severity_from_nick (const char *nick,
                       JhSeverity *severity)
{
  int value;

  if (!enum_from_nick (JH_TYPE_SEVERITY, nick, &value))
    return FALSE;

  *severity = value;

  return TRUE;
}

/**
 * jh_severity_get_label:
 * @severity: a severity
 *
 * Returns: its name for the user interface, translated
 */
const char *
jh_severity_get_label (JhSeverity severity)
{
  switch (severity)
    {
    case JH_SEVERITY_INFO:
      return _("Info");
    case JH_SEVERITY_WARNING:
      return _("Warning");
    case JH_SEVERITY_ERROR:
      return _("Error");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
jh_rule_category_to_nick (JhRuleCategory category)
{
  return enum_to_nick (JH_TYPE_RULE_CATEGORY, category);
}

gboolean
jh_rule_category_from_nick (const char     *nick,
                            JhRuleCategory *category)
{
  int value;

  if (!enum_from_nick (JH_TYPE_RULE_CATEGORY, nick, &value))
    return FALSE;

  *category = value;

  return TRUE;
}

/**
 * jh_rule_category_get_label:
 * @category: a category
 *
 * Returns: its name for the user interface, translated
 */
const char *
jh_rule_category_get_label (JhRuleCategory category)
{
  switch (category)
    {
    case JH_RULE_CATEGORY_FORMULATION:
      return _("Formulation");
    case JH_RULE_CATEGORY_PLACEHOLDER:
      return _("Placeholder");
    case JH_RULE_CATEGORY_REQUIRED:
      return _("Required Content");
    case JH_RULE_CATEGORY_SCHEDULE:
      return _("Schedule");
    case JH_RULE_CATEGORY_TARGET:
      return _("Targets");
    case JH_RULE_CATEGORY_PUNCTUATION:
      return _("Punctuation");
    case JH_RULE_CATEGORY_NUMBERING:
      return _("Numbering");
    case JH_RULE_CATEGORY_DUPLICATE:
      return _("Duplicates");
    case JH_RULE_CATEGORY_YEAR:
      return _("Years");
    case JH_RULE_CATEGORY_REUSE:
      return _("Reuse");
    default:
      g_return_val_if_reached ("");
    }
}

/* Reading a rule from its element.  The schema has fixed the shape;
 * what is checked here is what the schema cannot say: that a category
 * has the configuration it needs, that patterns are safe and compile,
 * that there are examples both ways.
 */

typedef struct
{
  const char *display_name;
  const char *rule_id;
  GError     *error;
} Reader;

static void
reader_fail (Reader     *reader,
             xmlNode    *node,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
reader_fail (Reader     *reader,
             xmlNode    *node,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (reader->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _jh_xml_set_error_at (&reader->error, JH_FILE_ERROR_INVALID, reader->display_name,
                        node ? xmlGetLineNo (node) : 0,
                        _("rule “%s”: %s"), reader->rule_id, message);
}

static gboolean
get_boolean_attribute (xmlNode    *node,
                       const char *name)
{
  g_autofree char *value = _jh_xml_dup_attribute (node, name);

  return g_strcmp0 (value, "true") == 0;
}

static void
add_pattern (Reader    *reader,
             xmlNode   *node,
             GPtrArray *patterns)
{
  g_autofree char *source = _jh_xml_dup_text (node);
  g_autofree char *scope = _jh_xml_dup_attribute (node, "scope");
  g_autoptr(GError) error = NULL;
  JhPattern *pattern;

  pattern = _jh_pattern_new (source, get_boolean_attribute (node, "regex"), &error);
  if (pattern == NULL)
    {
      reader_fail (reader, node, "%s", error->message);
      return;
    }

  if (g_strcmp0 (scope, "sentence") == 0)
    pattern->scope = JH_PATTERN_SCOPE_SENTENCE;
  else if (g_strcmp0 (scope, "paragraph") == 0)
    pattern->scope = JH_PATTERN_SCOPE_PARAGRAPH;

  g_ptr_array_add (patterns, pattern);
}

static void
read_fix (Reader  *reader,
          JhRule  *rule,
          xmlNode *node)
{
  JhFixTemplate *fix = g_new0 (JhFixTemplate, 1);
  g_autofree char *clause = _jh_xml_dup_attribute (node, "clause");
  g_autofree char *map = _jh_xml_dup_attribute (node, "map");

  fix->for_text = _jh_xml_dup_attribute (node, "for");
  fix->from = _jh_xml_get_unsigned_attribute (node, "from");
  fix->until = _jh_xml_get_unsigned_attribute (node, "until");

  if (clause != NULL)
    {
      fix->kind = JH_FIX_TEMPLATE_CLAUSE;
      fix->text = g_steal_pointer (&clause);
    }
  else if (map != NULL)
    {
      fix->kind = JH_FIX_TEMPLATE_MAP;
      fix->text = g_steal_pointer (&map);
      if (g_utf8_strlen (fix->text, -1) % 2 != 0)
        reader_fail (reader, node, _("a character map needs pairs of characters"));
    }
  else
    {
      fix->kind = get_boolean_attribute (node, "expand") ? JH_FIX_TEMPLATE_EXPAND : JH_FIX_TEMPLATE_REPLACE;
      fix->text = _jh_xml_dup_text (node);
      if (fix->kind == JH_FIX_TEMPLATE_EXPAND)
        {
          gboolean has_references = FALSE;

          if (!g_regex_check_replacement (fix->text, &has_references, NULL))
            reader_fail (reader, node, _("the replacement “%s” is not valid"), fix->text);
        }
    }

  g_ptr_array_add (rule->fixes, fix);
}

static gboolean
read_section_kind (Reader        *reader,
                   xmlNode       *node,
                   const char    *name,
                   JhSectionKind *kind)
{
  g_autofree char *nick = _jh_xml_dup_attribute (node, name);

  if (nick == NULL)
    return FALSE;

  if (!jh_section_kind_from_nick (nick, kind))
    {
      reader_fail (reader, node, _("“%s” is not a kind of section"), nick);
      return FALSE;
    }

  return TRUE;
}

static JhParagraph *
read_example_paragraph (xmlNode *node)
{
  g_autofree char *text = _jh_xml_dup_text (node);
  g_autofree char *clause = _jh_xml_dup_attribute (node, "clause");
  g_autofree char *source = _jh_xml_dup_attribute (node, "source");
  guint version = _jh_xml_get_unsigned_attribute (node, "clause-version");
  guint source_year = _jh_xml_get_unsigned_attribute (node, "source-year");
  JhParagraph *paragraph = jh_paragraph_new (text);

  if (clause != NULL || source != NULL)
    {
      g_autoptr(JhProvenance) provenance = jh_provenance_new (clause, clause ? MAX (version, 1) : 0,
                                                              source, source_year);

      jh_paragraph_set_provenance (paragraph, provenance);
    }

  return paragraph;
}

static JhTask *
read_example_task (Reader  *reader,
                   xmlNode *node,
                   guint    depth)
{
  JhTask *task = jh_task_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_jh_xml_is_element (child, "lead"))
        {
          g_autofree char *lead = _jh_xml_dup_text (child);

          jh_task_set_lead (task, lead);
        }
      else if (_jh_xml_is_element (child, "timing"))
        {
          g_autofree char *timing = _jh_xml_dup_text (child);

          jh_task_set_timing (task, timing);
        }
      else if (_jh_xml_is_element (child, "target"))
        {
          g_autofree char *metric = _jh_xml_dup_attribute (child, "metric");
          g_autofree char *unit = _jh_xml_dup_attribute (child, "unit");
          g_autofree char *number = _jh_xml_dup_attribute (child, "number");
          double value = number ? g_ascii_strtod (number, NULL) : 0;
          g_autoptr(JhTarget) target = NULL;

          if (!isfinite (value) || value < 0 || value > JH_TARGET_MAX_NUMBER)
            value = 0;
          target = jh_target_new (metric, JH_COMPARISON_AT_LEAST, value, unit);
          jh_task_insert_target (task, -1, target);
        }
      else if (_jh_xml_is_element (child, "p"))
        {
          g_autoptr(JhParagraph) paragraph = read_example_paragraph (child);

          jh_task_insert_paragraph (task, -1, paragraph);
        }
      else if (_jh_xml_is_element (child, "task"))
        {
          g_autoptr(JhTask) subtask = NULL;

          if (depth + 1 >= JH_TASK_MAX_DEPTH)
            {
              reader_fail (reader, child, _("an example’s tasks nest deeper than %d levels"), JH_TASK_MAX_DEPTH);
              continue;
            }
          subtask = read_example_task (reader, child, depth + 1);
          jh_task_insert_subtask (task, -1, subtask);
        }
    }

  return task;
}

static void
read_example_sections (Reader  *reader,
                       xmlNode *node,
                       JhPlan  *plan)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr(JhSection) section = NULL;
      JhSectionKind kind = JH_SECTION_KIND_OTHER;

      if (!_jh_xml_is_element (child, "section"))
        continue;

      read_section_kind (reader, child, "kind", &kind);
      section = jh_section_new (kind, jh_section_kind_get_title (kind));

      for (xmlNode *part = child->children; part != NULL; part = part->next)
        {
          if (_jh_xml_is_element (part, "title"))
            {
              g_autofree char *title = _jh_xml_dup_text (part);

              jh_section_set_title (section, title);
            }
          else if (_jh_xml_is_element (part, "p"))
            {
              g_autoptr(JhParagraph) paragraph = read_example_paragraph (part);

              jh_section_insert_paragraph (section, -1, paragraph);
            }
          else if (_jh_xml_is_element (part, "task"))
            {
              g_autoptr(JhTask) task = read_example_task (reader, part, 0);

              jh_section_insert_task (section, -1, task);
            }
        }

      jh_plan_insert_section (plan, -1, section);
    }
}

/* The year an example is checked in when it names none: one the rule
 * holds for.
 */
static guint
default_example_year (JhRule *rule)
{
  if (rule->from != 0)
    return MAX (rule->from, MIN (2027, rule->until != 0 ? rule->until : 2027));

  if (rule->until != 0)
    return MIN (rule->until, 2027);

  return 2027;
}

static void
read_example (Reader  *reader,
              JhRule  *rule,
              xmlNode *node)
{
  JhRuleExample *example = g_new0 (JhRuleExample, 1);
  xmlNode *prior;

  g_ptr_array_add (rule->examples, example);

  example->flagged = get_boolean_attribute (node, "flagged");
  example->year = _jh_xml_get_unsigned_attribute (node, "year");
  if (example->year == 0)
    example->year = default_example_year (rule);
  example->has_kind = read_section_kind (reader, node, "kind", &example->kind);
  example->expect = _jh_xml_dup_attribute (node, "expect");
  example->line = xmlGetLineNo (node);

  if (_jh_xml_first_child (node, "section") == NULL)
    {
      example->text = _jh_xml_dup_text (node);
      return;
    }

  example->plan = jh_plan_new (example->year);
  jh_plan_set_title (example->plan, "示例");
  jh_plan_set_organization (example->plan, "示例单位");
  read_example_sections (reader, node, example->plan);

  prior = _jh_xml_first_child (node, "prior");
  if (prior != NULL)
    {
      guint year = _jh_xml_get_unsigned_attribute (prior, "year");

      example->prior_source = _jh_xml_dup_attribute (prior, "source");
      example->prior = jh_plan_new (year ? year : example->year - 1);
      jh_plan_set_organization (example->prior, "示例单位");
      read_example_sections (reader, prior, example->prior);
    }
}

static void
read_condition (Reader  *reader,
                JhRule  *rule,
                xmlNode *node)
{
  static const struct
  {
    const char      *name;
    JhRuleCondition  condition;
    JhRuleCategory   category;
  } conditions[] = {
    { "unscheduled", JH_RULE_CONDITION_UNSCHEDULED, JH_RULE_CATEGORY_SCHEDULE },
    { "outside-year", JH_RULE_CONDITION_OUTSIDE_YEAR, JH_RULE_CATEGORY_SCHEDULE },
    { "concentrated", JH_RULE_CONDITION_CONCENTRATED, JH_RULE_CATEGORY_SCHEDULE },
    { "superseded-clause", JH_RULE_CONDITION_SUPERSEDED_CLAUSE, JH_RULE_CATEGORY_REUSE },
    { "clause-version", JH_RULE_CONDITION_CLAUSE_VERSION, JH_RULE_CATEGORY_REUSE },
    { "carried-over", JH_RULE_CONDITION_CARRIED_OVER, JH_RULE_CATEGORY_REUSE },
  };
  g_autofree char *name = _jh_xml_dup_text (node);

  g_strstrip (name);
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    if (g_str_equal (name, conditions[i].name))
      {
        if (conditions[i].category != rule->category)
          reader_fail (reader, node, _("the condition “%s” is not one of the category %s"),
                       name, jh_rule_category_to_nick (rule->category));
        rule->condition = conditions[i].condition;
        return;
      }

  reader_fail (reader, node, _("“%s” is not a known condition"), name);
}

static void
read_pair (Reader  *reader,
           JhRule  *rule,
           xmlNode *node)
{
  g_autofree char *open = _jh_xml_dup_attribute (node, "open");
  g_autofree char *close = _jh_xml_dup_attribute (node, "close");
  JhPair pair;

  if (g_utf8_strlen (open, -1) != 1 || g_utf8_strlen (close, -1) != 1 || g_str_equal (open, close))
    {
      reader_fail (reader, node, _("a pair is two different characters"));
      return;
    }

  pair.open = g_utf8_get_char (open);
  pair.close = g_utf8_get_char (close);
  g_array_append_val (rule->pairs, pair);
}

static void
read_marker (JhRule  *rule,
             xmlNode *node)
{
  JhMarker *marker = g_new0 (JhMarker, 1);
  g_autofree char *numerals = _jh_xml_dup_attribute (node, "numerals");

  marker->chinese = g_strcmp0 (numerals, "chinese") == 0;
  marker->prefix = _jh_xml_dup_attribute (node, "prefix");
  marker->suffix = _jh_xml_dup_attribute (node, "suffix");
  if (marker->prefix == NULL)
    marker->prefix = g_strdup ("");
  if (marker->suffix == NULL)
    marker->suffix = g_strdup ("");
  marker->at_start = get_boolean_attribute (node, "at-start");

  g_ptr_array_add (rule->markers, marker);
}

/* What each category's engine needs of its rule. */
static void
check_configuration (Reader  *reader,
                     JhRule  *rule,
                     xmlNode *node)
{
  guint n_flagged = 0, n_clean = 0;

  switch (rule->category)
    {
    case JH_RULE_CATEGORY_FORMULATION:
    case JH_RULE_CATEGORY_PLACEHOLDER:
    case JH_RULE_CATEGORY_YEAR:
      if (rule->patterns->len == 0)
        reader_fail (reader, node, _("a rule of the category %s needs a <pattern>"),
                     jh_rule_category_to_nick (rule->category));
      break;

    case JH_RULE_CATEGORY_PUNCTUATION:
      if (rule->patterns->len == 0 && rule->pairs->len == 0)
        reader_fail (reader, node, _("a punctuation rule needs a <pattern> or a <pair>"));
      break;

    case JH_RULE_CATEGORY_NUMBERING:
      if (rule->markers->len == 0)
        reader_fail (reader, node, _("a numbering rule needs a <marker>"));
      break;

    case JH_RULE_CATEGORY_TARGET:
      if (rule->topics->len == 0 || rule->quantities->len == 0)
        reader_fail (reader, node, _("a target rule needs a <topic> and a <quantity>"));
      break;

    case JH_RULE_CATEGORY_REQUIRED:
      if (rule->kinds == 0)
        reader_fail (reader, node, _("a required-content rule needs a <scope>"));
      else if (!rule->require_section && rule->requires->len == 0)
        reader_fail (reader, node, _("a required-content rule needs <require> or <require-section/>"));
      break;

    case JH_RULE_CATEGORY_SCHEDULE:
    case JH_RULE_CATEGORY_REUSE:
      if (rule->condition == JH_RULE_CONDITION_NONE)
        reader_fail (reader, node, _("a rule of the category %s needs a <condition>"),
                     jh_rule_category_to_nick (rule->category));
      break;

    case JH_RULE_CATEGORY_DUPLICATE:
    default:
      break;
    }

  if (rule->from != 0 && rule->until != 0 && rule->from > rule->until)
    reader_fail (reader, node, _("it holds from %u until %u, which is never"), rule->from, rule->until);

  for (guint i = 0; i < rule->examples->len; i++)
    {
      JhRuleExample *example = g_ptr_array_index (rule->examples, i);

      if (example->flagged)
        n_flagged++;
      else
        n_clean++;
    }

  /* As `vale test` and LanguageTool demand: a rule shows both what it
   * catches and what it leaves alone.
   */
  if (n_flagged == 0 || n_clean == 0)
    reader_fail (reader, node, _("a rule needs at least one example that must be flagged and one that must not"));
}

/**
 * _jh_rule_read:
 * @node: a <rule> element, valid against the library schema
 * @display_name: the library's name, for messages
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the rule, or %NULL with @error set, naming
 *   the rule and the line
 */
JhRule *
_jh_rule_read (xmlNode     *node,
               const char  *display_name,
               GError     **error)
{
  g_autoptr(JhRule) rule = g_object_new (JH_TYPE_RULE, NULL);
  g_autofree char *category = _jh_xml_dup_attribute (node, "category");
  g_autofree char *severity = _jh_xml_dup_attribute (node, "severity");
  Reader reader = { display_name, NULL, NULL };

  rule->id = _jh_xml_dup_attribute (node, "id");
  rule->display_name = g_strdup (display_name);
  rule->line = xmlGetLineNo (node);
  reader.rule_id = rule->id;

  if (!jh_rule_category_from_nick (category, &rule->category))
    reader_fail (&reader, node, _("“%s” is not a category"), category);
  if (!jh_severity_from_nick (severity, &rule->severity))
    reader_fail (&reader, node, _("“%s” is not a severity"), severity);
  rule->from = _jh_xml_get_unsigned_attribute (node, "from");
  rule->until = _jh_xml_get_unsigned_attribute (node, "until");

  if (rule->category == JH_RULE_CATEGORY_REUSE)
    rule->threshold = 0.85;

  for (xmlNode *child = node->children; child != NULL && reader.error == NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (_jh_xml_is_element (child, "message"))
        {
          g_autofree char *lang = _jh_xml_dup_attribute (child, "lang");

          if (lang != NULL)
            rule->message_en = _jh_xml_dup_text (child);
          else
            rule->message = _jh_xml_dup_text (child);
        }
      else if (_jh_xml_is_element (child, "source"))
        {
          rule->source_document = _jh_xml_dup_attribute (child, "document");
          rule->source_organization = _jh_xml_dup_attribute (child, "organization");
          rule->source_year = _jh_xml_get_unsigned_attribute (child, "year");
        }
      else if (_jh_xml_is_element (child, "scope"))
        {
          JhSectionKind kind;

          if (read_section_kind (&reader, child, "kind", &kind))
            rule->kinds |= 1u << kind;
        }
      else if (_jh_xml_is_element (child, "pattern"))
        add_pattern (&reader, child, rule->patterns);
      else if (_jh_xml_is_element (child, "exception"))
        add_pattern (&reader, child, rule->exceptions);
      else if (_jh_xml_is_element (child, "topic"))
        add_pattern (&reader, child, rule->topics);
      else if (_jh_xml_is_element (child, "quantity"))
        add_pattern (&reader, child, rule->quantities);
      else if (_jh_xml_is_element (child, "require"))
        add_pattern (&reader, child, rule->requires);
      else if (_jh_xml_is_element (child, "require-section"))
        rule->require_section = TRUE;
      else if (_jh_xml_is_element (child, "pair"))
        read_pair (&reader, rule, child);
      else if (_jh_xml_is_element (child, "marker"))
        read_marker (rule, child);
      else if (_jh_xml_is_element (child, "years"))
        {
          g_autofree char *flag = _jh_xml_dup_attribute (child, "flag");

          if (g_strcmp0 (flag, "after") == 0)
            rule->years = JH_YEARS_AFTER;
          else if (g_strcmp0 (flag, "other") == 0)
            rule->years = JH_YEARS_OTHER;
          else
            rule->years = JH_YEARS_BEFORE;
        }
      else if (_jh_xml_is_element (child, "condition"))
        read_condition (&reader, rule, child);
      else if (_jh_xml_is_element (child, "similarity"))
        {
          g_autofree char *threshold = _jh_xml_dup_attribute (child, "threshold");
          guint min_length = _jh_xml_get_unsigned_attribute (child, "min-length");

          rule->threshold = CLAMP (g_ascii_strtod (threshold, NULL), 0.5, 1.0);
          if (min_length > 0)
            rule->min_length = min_length;
        }
      else if (_jh_xml_is_element (child, "fix"))
        read_fix (&reader, rule, child);
      else if (_jh_xml_is_element (child, "example"))
        read_example (&reader, rule, child);
    }

  if (reader.error == NULL)
    check_configuration (&reader, rule, node);

  if (reader.error != NULL)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }

  return g_steal_pointer (&rule);
}
