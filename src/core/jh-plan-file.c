/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "jh-core-resources.h"
#include "jh-enum-types.h"
#include "jh-node-private.h"
#include "jh-plan-file.h"
#include "jh-xml-private.h"

#define SAMPLE_PLAN_RESOURCE "/io/github/jihua/Jihua/core/sample-plan.jhplan"

static const JhXmlFormat plan_format = {
  .root_name = "plan",
  .namespace_uri = JH_PLAN_NAMESPACE,
  .schema_resource = "/io/github/jihua/Jihua/core/jihua-plan.rng",
  .description = N_("a Jihua plan"),
};

/* Reading: the document has passed the schema, so its shape is known;
 * what is left to check are the values the schema cannot judge.
 */
typedef struct
{
  const char *display_name;
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
                        xmlGetLineNo (node), "%s", message);
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);

  return copy;
}

static char *
dup_child_text (xmlNode    *node,
                const char *name)
{
  xmlNode *child = _jh_xml_first_child (node, name);

  return child ? _jh_xml_dup_text (child) : NULL;
}

static guint
read_unsigned (Reader     *reader,
               xmlNode    *node,
               const char *name,
               guint       min,
               guint       max)
{
  g_autofree char *text = dup_attribute (node, name);
  guint64 value = 0;

  if (text == NULL)
    return 0;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    reader_fail (reader, node, _("The attribute %s=\"%s\" is not a number from %u to %u"),
                 name, text, min, max);

  return value;
}

static GDate *
read_date (Reader  *reader,
           xmlNode *node,
           const char *name)
{
  g_autofree char *text = dup_child_text (node, name);
  guint year, month, day;
  char end;

  if (text == NULL)
    return NULL;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year) ||
      year < JH_PLAN_MIN_YEAR || year > JH_PLAN_MAX_YEAR)
    {
      reader_fail (reader, _jh_xml_first_child (node, name),
                   _("“%s” is not a date Jihua can use (YYYY-MM-DD, from %d to %d)"),
                   text, JH_PLAN_MIN_YEAR, JH_PLAN_MAX_YEAR);
      return NULL;
    }

  return g_date_new_dmy (day, month, year);
}

static int
read_enum (Reader     *reader,
           xmlNode    *node,
           const char *name,
           GType       enum_type,
           int         default_value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autofree char *nick = dup_attribute (node, name);
  GEnumValue *value;

  if (nick == NULL)
    return default_value;

  value = g_enum_get_value_by_nick (klass, nick);
  if (value == NULL)
    {
      reader_fail (reader, node, _("“%s” is not a known value of %s"), nick, name);
      return default_value;
    }

  return value->value;
}

static JhProvenance *
read_provenance (Reader  *reader,
                 xmlNode *node)
{
  g_autofree char *clause_id = dup_attribute (node, "clause");
  g_autofree char *source = dup_attribute (node, "source");
  guint clause_version = read_unsigned (reader, node, "clause-version", 1, G_MAXUINT);
  guint source_year = read_unsigned (reader, node, "source-year", JH_PLAN_MIN_YEAR, JH_PLAN_MAX_YEAR);

  return jh_provenance_new (clause_id, clause_version, source, source_year);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0;
}

static JhParagraph *
read_paragraph (Reader  *reader,
                xmlNode *node)
{
  g_autofree char *text = _jh_xml_dup_text (node);
  g_autoptr(JhProvenance) provenance = read_provenance (reader, node);
  JhParagraph *paragraph = jh_paragraph_new (text);

  jh_paragraph_set_provenance (paragraph, provenance);

  return paragraph;
}

static JhTarget *
read_target (Reader  *reader,
             xmlNode *node)
{
  g_autofree char *metric = dup_attribute (node, "metric");
  g_autofree char *unit = dup_attribute (node, "unit");
  g_autofree char *number_text = dup_attribute (node, "number");
  JhComparison comparison = read_enum (reader, node, "comparison", JH_TYPE_COMPARISON, JH_COMPARISON_AT_LEAST);
  char *end = NULL;
  double number;

  number = g_ascii_strtod (number_text, &end);
  if (end == number_text || *end != '\0' || !isfinite (number) ||
      number < 0 || number > JH_TARGET_MAX_NUMBER)
    {
      reader_fail (reader, node, _("The target number “%s” is not a number from 0 to %.0f"),
                   number_text, JH_TARGET_MAX_NUMBER);
      number = 0;
    }

  return jh_target_new (metric, comparison, number, unit);
}

static JhTask *
read_task (Reader  *reader,
           xmlNode *node)
{
  g_autoptr(JhProvenance) provenance = read_provenance (reader, node);
  JhTask *task = jh_task_new (NULL);

  jh_task_set_provenance (task, provenance);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, "task"))
        {
          g_autoptr(JhTask) subtask = read_task (reader, child);

          /* The schema allows four levels only, so this always fits. */
          jh_task_insert_subtask (task, -1, subtask);
          continue;
        }

      if (is_element (child, "p"))
        {
          g_autoptr(JhParagraph) paragraph = read_paragraph (reader, child);

          jh_task_insert_paragraph (task, -1, paragraph);
          continue;
        }

      if (is_element (child, "target"))
        {
          g_autoptr(JhTarget) target = read_target (reader, child);

          jh_task_insert_target (task, -1, target);
          continue;
        }

      text = _jh_xml_dup_text (child);
      if (is_element (child, "lead"))
        jh_task_set_lead (task, text);
      else if (is_element (child, "owner"))
        jh_task_set_owner (task, text);
      else if (is_element (child, "participants"))
        jh_task_set_participants (task, text);
      else if (is_element (child, "timing"))
        jh_task_set_timing (task, text);
    }

  return task;
}

static JhSection *
read_section (Reader  *reader,
              xmlNode *node)
{
  JhSectionKind kind = read_enum (reader, node, "kind", JH_TYPE_SECTION_KIND, JH_SECTION_KIND_OTHER);
  g_autofree char *title = dup_child_text (node, "title");
  JhSection *section = jh_section_new (kind, title ? title : "");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "p"))
        {
          g_autoptr(JhParagraph) paragraph = read_paragraph (reader, child);

          jh_section_insert_paragraph (section, -1, paragraph);
        }
      else if (is_element (child, "task"))
        {
          g_autoptr(JhTask) task = read_task (reader, child);

          jh_section_insert_task (section, -1, task);
        }
    }

  return section;
}

static JhPlan *
read_plan (Reader  *reader,
           xmlNode *root)
{
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDate) signoff_date = NULL;
  g_autofree char *title = dup_child_text (root, "title");
  g_autofree char *organization = dup_child_text (root, "organization");
  g_autofree char *drafter = dup_child_text (root, "drafter");
  g_autofree char *document_number = dup_child_text (root, "document-number");
  guint year = read_unsigned (reader, root, "year", JH_PLAN_MIN_YEAR, JH_PLAN_MAX_YEAR);
  xmlNode *signoff;
  xmlNode *ignored;

  if (reader->error != NULL)
    return NULL;

  plan = jh_plan_new (year);
  jh_plan_set_kind (plan, read_enum (reader, root, "kind", JH_TYPE_DOCUMENT_KIND, JH_DOCUMENT_KIND_PLAN));
  jh_plan_set_status (plan, read_enum (reader, root, "status", JH_TYPE_PLAN_STATUS, JH_PLAN_STATUS_DRAFT));
  jh_plan_set_title (plan, title);
  jh_plan_set_organization (plan, organization);
  jh_plan_set_drafter (plan, drafter);
  jh_plan_set_document_number (plan, document_number);

  date = read_date (reader, root, "date");
  jh_plan_set_date (plan, date);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_element (child, "section"))
        {
          g_autoptr(JhSection) section = read_section (reader, child);

          jh_plan_insert_section (plan, -1, section);
        }
    }

  signoff = _jh_xml_first_child (root, "signoff");
  if (signoff != NULL)
    {
      g_autofree char *signoff_organization = dup_child_text (signoff, "organization");

      signoff_date = read_date (reader, signoff, "date");
      jh_plan_set_signoff_organization (plan, signoff_organization);
      jh_plan_set_signoff_date (plan, signoff_date);
    }

  ignored = _jh_xml_first_child (root, "ignored-findings");
  for (xmlNode *child = ignored ? ignored->children : NULL; child != NULL; child = child->next)
    {
      if (is_element (child, "ignore"))
        {
          g_autofree char *rule = dup_attribute (child, "rule");
          g_autofree char *path = dup_attribute (child, "path");
          g_autofree char *text = dup_attribute (child, "text");

          jh_plan_ignore_finding (plan, rule, path, text ? text : "");
        }
    }

  if (reader->error != NULL)
    return NULL;

  return g_steal_pointer (&plan);
}

/**
 * jh_plan_load_from_bytes:
 * @bytes: the contents of a plan file
 * @display_name: the file's name, for messages
 * @error: return location for a #GError
 *
 * Reads a plan file.  The file must be well-formed UTF-8 XML without a
 * DOCTYPE and valid against the plan schema; anything else is refused
 * with a #JH_FILE_ERROR naming the file, the line and what is wrong.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
JhPlan *
jh_plan_load_from_bytes (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  Reader reader = { display_name, NULL };
  JhPlan *plan;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = _jh_xml_read (&plan_format, bytes, display_name, error);
  if (doc == NULL)
    return NULL;

  _jh_trusted_text_begin ();
  plan = read_plan (&reader, xmlDocGetRootElement (doc));
  _jh_trusted_text_end ();
  if (plan == NULL)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }

  return plan;
}

/**
 * jh_plan_load_from_file:
 * @file: a plan file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a plan file; see jh_plan_load_from_bytes().
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
JhPlan *
jh_plan_load_from_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = jh_file_load_bytes (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);

  return jh_plan_load_from_bytes (bytes, name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  JhPlan *plan;

  plan = jh_plan_load_from_file (task_data, cancellable, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

/**
 * jh_plan_load_from_file_async:
 * @file: a plan file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the plan is read
 * @user_data: data for @callback
 *
 * Reads a plan file in a worker thread, so that a large one does not
 * freeze the window.
 */
void
jh_plan_load_from_file_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_plan_load_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * jh_plan_load_from_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
JhPlan *
jh_plan_load_from_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jh_plan_new_sample:
 *
 * The sample plan a new user sees first: a 2027 plan of a street CPPCC
 * working committee, with every part a plan has.
 *
 * Returns: (transfer full): a new copy of the sample plan
 */
JhPlan *
jh_plan_new_sample (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JhPlan *plan = NULL;

  bytes = g_resource_lookup_data (jh_core_get_resource (), SAMPLE_PLAN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    plan = jh_plan_load_from_bytes (bytes, SAMPLE_PLAN_RESOURCE, &error);

  /* The sample is built into the program and tested; if it cannot be
   * read, the build is broken.
   */
  if (bytes == NULL || plan == NULL)
    g_error ("The built-in sample plan is unusable: %s", error->message);

  return plan;
}

/* Writing: the document is built in one fixed order, so that the same
 * plan always gives the same bytes.
 */

static void
add_text_child (xmlNode    *parent,
                const char *name,
                const char *text)
{
  if (text != NULL && *text != '\0')
    xmlNewTextChild (parent, NULL, (const xmlChar *) name, (const xmlChar *) text);
}

static void
set_attribute (xmlNode    *node,
               const char *name,
               const char *value)
{
  if (value != NULL && *value != '\0')
    xmlNewProp (node, (const xmlChar *) name, (const xmlChar *) value);
}

static void
set_unsigned_attribute (xmlNode    *node,
                        const char *name,
                        guint       value)
{
  char text[16];

  if (value == 0)
    return;

  g_snprintf (text, sizeof text, "%u", value);
  set_attribute (node, name, text);
}

static void
set_enum_attribute (xmlNode    *node,
                    const char *name,
                    GType       enum_type,
                    int         value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  set_attribute (node, name, g_enum_get_value (klass, value)->value_nick);
}

static void
add_date_child (xmlNode     *parent,
                const char  *name,
                const GDate *date)
{
  char text[16];

  if (date == NULL)
    return;

  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  add_text_child (parent, name, text);
}

static void
write_provenance (xmlNode      *node,
                  JhProvenance *provenance)
{
  if (provenance == NULL)
    return;

  set_attribute (node, "clause", jh_provenance_get_clause_id (provenance));
  set_unsigned_attribute (node, "clause-version", jh_provenance_get_clause_version (provenance));
  set_attribute (node, "source", jh_provenance_get_source (provenance));
  set_unsigned_attribute (node, "source-year", jh_provenance_get_source_year (provenance));
}

static void
write_paragraphs (xmlNode    *parent,
                  GListModel *paragraphs)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      xmlNode *node;

      node = xmlNewTextChild (parent, NULL, (const xmlChar *) "p",
                              (const xmlChar *) jh_paragraph_get_text (paragraph));
      write_provenance (node, jh_paragraph_get_provenance (paragraph));
    }
}

static void
write_targets (xmlNode    *parent,
               GListModel *targets)
{
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(JhTarget) target = g_list_model_get_item (targets, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      xmlNode *node;

      node = xmlNewChild (parent, NULL, (const xmlChar *) "target", NULL);
      set_attribute (node, "metric", jh_target_get_metric (target));
      set_enum_attribute (node, "comparison", JH_TYPE_COMPARISON, jh_target_get_comparison (target));

      /* Plain decimal notation, as xsd:decimal wants: never "1e+06". */
      g_ascii_formatd (number, sizeof number, "%.6f", jh_target_get_number (target));
      if (strchr (number, '.') != NULL)
        {
          char *end = number + strlen (number) - 1;

          while (*end == '0')
            *end-- = '\0';
          if (*end == '.')
            *end = '\0';
        }
      set_attribute (node, "number", number);
      set_attribute (node, "unit", jh_target_get_unit (target));
    }
}

static void
write_tasks (xmlNode    *parent,
             GListModel *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      xmlNode *node;

      node = xmlNewChild (parent, NULL, (const xmlChar *) "task", NULL);
      write_provenance (node, jh_task_get_provenance (task));
      xmlNewTextChild (node, NULL, (const xmlChar *) "lead", (const xmlChar *) jh_task_get_lead (task));
      add_text_child (node, "owner", jh_task_get_owner (task));
      add_text_child (node, "participants", jh_task_get_participants (task));
      add_text_child (node, "timing", jh_task_get_timing (task));
      write_targets (node, jh_task_get_targets (task));
      write_paragraphs (node, jh_task_get_paragraphs (task));
      write_tasks (node, jh_task_get_subtasks (task));
    }
}

static xmlDoc *
build_document (JhPlan *plan)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  GListModel *sections = jh_plan_get_sections (plan);
  xmlNode *root;
  xmlNs *ns;

  root = xmlNewNode (NULL, (const xmlChar *) "plan");
  ns = xmlNewNs (root, (const xmlChar *) JH_PLAN_NAMESPACE, NULL);
  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);

  set_attribute (root, "format-version", JH_PLAN_FORMAT_VERSION);
  set_enum_attribute (root, "kind", JH_TYPE_DOCUMENT_KIND, jh_plan_get_kind (plan));
  set_enum_attribute (root, "status", JH_TYPE_PLAN_STATUS, jh_plan_get_status (plan));
  set_unsigned_attribute (root, "year", jh_plan_get_year (plan));

  add_text_child (root, "title", jh_plan_get_title (plan));
  add_text_child (root, "organization", jh_plan_get_organization (plan));
  add_text_child (root, "drafter", jh_plan_get_drafter (plan));
  add_text_child (root, "document-number", jh_plan_get_document_number (plan));
  add_date_child (root, "date", jh_plan_get_date (plan));

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      xmlNode *node;

      node = xmlNewChild (root, NULL, (const xmlChar *) "section", NULL);
      set_enum_attribute (node, "kind", JH_TYPE_SECTION_KIND, jh_section_get_kind (section));
      add_text_child (node, "title", jh_section_get_title (section));
      write_paragraphs (node, jh_section_get_paragraphs (section));
      write_tasks (node, jh_section_get_tasks (section));
    }

  if (*jh_plan_get_signoff_organization (plan) != '\0' || jh_plan_get_signoff_date (plan) != NULL)
    {
      xmlNode *signoff = xmlNewChild (root, NULL, (const xmlChar *) "signoff", NULL);

      add_text_child (signoff, "organization", jh_plan_get_signoff_organization (plan));
      add_date_child (signoff, "date", jh_plan_get_signoff_date (plan));
    }

  if (jh_plan_get_n_ignored_findings (plan) > 0)
    {
      xmlNode *ignored = xmlNewChild (root, NULL, (const xmlChar *) "ignored-findings", NULL);
      const char *rule, *path, *text;

      for (guint i = 0; jh_plan_get_ignored_finding (plan, i, &rule, &path, &text); i++)
        {
          xmlNode *node = xmlNewChild (ignored, NULL, (const xmlChar *) "ignore", NULL);

          set_attribute (node, "rule", rule);
          set_attribute (node, "path", path);
          set_attribute (node, "text", text);
        }
    }

  return doc;
}

/**
 * jh_plan_serialize:
 * @plan: a #JhPlan
 * @error: return location for a #GError
 *
 * Writes @plan as a plan file in memory: UTF-8, indented, in one fixed
 * order, so that reading and writing a file gives back the same bytes.
 * The document is validated against the plan schema first: Jihua never
 * writes a file it could not read back.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
jh_plan_serialize (JhPlan  *plan,
                   GError **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = build_document (plan);
  if (!_jh_xml_validate (&plan_format, doc, _("the plan to save"), error))
    return NULL;

  return _jh_xml_dump (doc);
}

/**
 * jh_plan_save_to_file:
 * @plan: a #JhPlan
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves @plan to @file atomically: the new contents go to a temporary
 * file that replaces @file only once it is complete, and the previous
 * version is kept beside it with a "~" appended to its name.  When the
 * save fails, @file is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
jh_plan_save_to_file (JhPlan        *plan,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JH_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = jh_plan_serialize (plan, error);
  if (bytes == NULL)
    return FALSE;

  return _jh_file_replace_bytes (file, bytes, TRUE, G_FILE_CREATE_NONE, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (!_jh_file_replace_bytes (file, task_data, TRUE, G_FILE_CREATE_NONE, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * jh_plan_save_to_file_async:
 * @plan: a #JhPlan
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the plan is saved
 * @user_data: data for @callback
 *
 * Saves @plan as jh_plan_save_to_file() does.  The document is built at
 * once, so later edits of @plan do not reach this save; the writing
 * happens in the background.
 */
void
jh_plan_save_to_file_async (JhPlan              *plan,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  g_return_if_fail (JH_IS_PLAN (plan));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_plan_save_to_file_async);

  bytes = jh_plan_serialize (plan, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
jh_plan_save_to_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
