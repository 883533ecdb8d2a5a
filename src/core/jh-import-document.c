/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-import-document.h"
#include "jh-import-private.h"

/**
 * JhImportDocument:
 *
 * One document found in an imported file, and the report of how it was
 * read: where it was in the file, the label the web page gave it, how
 * its year was found, what was dropped as web noise and what the reader
 * should check.  The report stays beside the plan so that harvesting
 * clauses from it can tell where each piece came from.
 */
struct _JhImportDocument
{
  GObject             parent_instance;

  JhPlan             *plan;
  char               *label;
  GPtrArray          *dropped;
  GPtrArray          *notes;
  guint               index;
  guint               first_line;
  guint               last_line;
  JhImportYearSource  year_source;
};

G_DEFINE_FINAL_TYPE (JhImportDocument, jh_import_document, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (JhImportDrop, jh_import_drop, jh_import_drop_copy, jh_import_drop_free)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_INDEX,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * jh_import_drop_new:
 * @line: where the text was, counted from 1
 * @reason: why it is dropped
 * @text: the text
 *
 * Returns: (transfer full): a new #JhImportDrop
 */
JhImportDrop *
jh_import_drop_new (guint               line,
                    JhImportDropReason  reason,
                    const char         *text)
{
  JhImportDrop *drop = g_new0 (JhImportDrop, 1);

  drop->line = line;
  drop->reason = reason;
  drop->text = g_strdup (text ? text : "");

  return drop;
}

JhImportDrop *
jh_import_drop_copy (const JhImportDrop *drop)
{
  g_return_val_if_fail (drop != NULL, NULL);

  return jh_import_drop_new (drop->line, drop->reason, drop->text);
}

void
jh_import_drop_free (JhImportDrop *drop)
{
  if (drop == NULL)
    return;

  g_free (drop->text);
  g_free (drop);
}

/**
 * jh_import_drop_reason_to_nick:
 * @reason: a reason
 *
 * Returns: the name of @reason in reports, such as "editor-note"
 */
const char *
jh_import_drop_reason_to_nick (JhImportDropReason reason)
{
  switch (reason)
    {
    case JH_IMPORT_DROP_NONE:
      return "none";
    case JH_IMPORT_DROP_SITE_TITLE:
      return "site-title";
    case JH_IMPORT_DROP_EDITOR_NOTE:
      return "editor-note";
    case JH_IMPORT_DROP_DOCUMENT_LABEL:
      return "document-label";
    case JH_IMPORT_DROP_RELATED:
      return "related";
    case JH_IMPORT_DROP_SHARE:
      return "share";
    case JH_IMPORT_DROP_SITE_NOTICE:
      return "site-notice";
    case JH_IMPORT_DROP_PINYIN:
      return "pinyin";
    default:
      g_return_val_if_reached ("none");
    }
}

/**
 * jh_import_year_source_to_nick:
 * @source: where a year came from
 *
 * Returns: its name in reports: "title", "text" or "assumed"
 */
const char *
jh_import_year_source_to_nick (JhImportYearSource source)
{
  switch (source)
    {
    case JH_IMPORT_YEAR_FROM_TITLE:
      return "title";
    case JH_IMPORT_YEAR_FROM_TEXT:
      return "text";
    case JH_IMPORT_YEAR_ASSUMED:
      return "assumed";
    default:
      g_return_val_if_reached ("assumed");
    }
}

static void
jh_import_document_dispose (GObject *object)
{
  JhImportDocument *self = JH_IMPORT_DOCUMENT (object);

  g_clear_object (&self->plan);

  G_OBJECT_CLASS (jh_import_document_parent_class)->dispose (object);
}

static void
jh_import_document_finalize (GObject *object)
{
  JhImportDocument *self = JH_IMPORT_DOCUMENT (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->dropped, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_import_document_parent_class)->finalize (object);
}

static void
jh_import_document_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JhImportDocument *self = JH_IMPORT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_import_document_class_init (JhImportDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jh_import_document_dispose;
  object_class->finalize = jh_import_document_finalize;
  object_class->get_property = jh_import_document_get_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         JH_TYPE_PLAN,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL,
                       1, G_MAXUINT, 1,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_import_document_init (JhImportDocument *self)
{
  self->dropped = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_import_drop_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

JhImportDocument *
_jh_import_document_new (JhPlan             *plan,
                         guint               index,
                         const char         *label,
                         guint               first_line,
                         guint               last_line,
                         JhImportYearSource  year_source)
{
  JhImportDocument *self = g_object_new (JH_TYPE_IMPORT_DOCUMENT, NULL);

  self->plan = g_object_ref (plan);
  self->index = index;
  self->label = g_strdup (label);
  self->first_line = first_line;
  self->last_line = last_line;
  self->year_source = year_source;

  return self;
}

void
_jh_import_document_add_drop (JhImportDocument   *self,
                              const JhImportDrop *drop)
{
  g_ptr_array_add (self->dropped, jh_import_drop_copy (drop));
}

void
_jh_import_document_add_note (JhImportDocument *self,
                              const char       *note)
{
  /* The array stays NULL-terminated so that it can be handed out as a
   * string vector.
   */
  g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup (note));
}

/**
 * jh_import_document_get_plan:
 * @self: a #JhImportDocument
 *
 * Returns: (transfer none): the document as a plan (or a summary, or
 *   rules: see jh_plan_get_kind())
 */
JhPlan *
jh_import_document_get_plan (JhImportDocument *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_DOCUMENT (self), NULL);

  return self->plan;
}

/**
 * jh_import_document_get_index:
 * @self: a #JhImportDocument
 *
 * Returns: the document's place in its file, counted from 1
 */
guint
jh_import_document_get_index (JhImportDocument *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_DOCUMENT (self), 0);

  return self->index;
}

/**
 * jh_import_document_get_label:
 * @self: a #JhImportDocument
 *
 * Returns: (nullable): the label the web page put before the document
 *   ("街道政协小组工作计划篇一"), or %NULL
 */
const char *
jh_import_document_get_label (JhImportDocument *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_DOCUMENT (self), NULL);

  return self->label;
}

/**
 * jh_import_document_get_first_line:
 * @self: a #JhImportDocument
 *
 * Returns: the first line (or paragraph) of the source that belongs to
 *   the document, counted from 1
 */
guint
jh_import_document_get_first_line (JhImportDocument *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_DOCUMENT (self), 0);

  return self->first_line;
}

/**
 * jh_import_document_get_last_line:
 * @self: a #JhImportDocument
 *
 * Returns: the last line (or paragraph) of the source that belongs to
 *   the document
 */
guint
jh_import_document_get_last_line (JhImportDocument *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_DOCUMENT (self), 0);

  return self->last_line;
}

JhImportYearSource
jh_import_document_get_year_source (JhImportDocument *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_DOCUMENT (self), JH_IMPORT_YEAR_ASSUMED);

  return self->year_source;
}

/**
 * jh_import_document_get_dropped:
 * @self: a #JhImportDocument
 *
 * What of the source was left out of this document, in the order of the
 * source.  Web noise before the first document of a file is reported
 * with the first document.
 *
 * Returns: (transfer none) (element-type JhImportDrop): the dropped text
 */
GPtrArray *
jh_import_document_get_dropped (JhImportDocument *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_DOCUMENT (self), NULL);

  return self->dropped;
}

/**
 * jh_import_document_get_notes:
 * @self: a #JhImportDocument
 *
 * Returns: (transfer none): what the reader should check, in the user's
 *   language, such as that the year was assumed; %NULL-terminated
 */
const char * const *
jh_import_document_get_notes (JhImportDocument *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_DOCUMENT (self), NULL);

  return (const char * const *) self->notes->pdata;
}

static void
append_piece (GString    *text,
              const char *piece)
{
  if (piece == NULL || *piece == '\0')
    return;

  g_string_append (text, piece);
  g_string_append_c (text, '\n');
}

static void
append_paragraphs (GString    *text,
                   GListModel *paragraphs)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      append_piece (text, jh_paragraph_get_text (paragraph));
    }
}

static void
append_tasks (GString    *text,
              GListModel *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);

      append_piece (text, jh_task_get_lead (task));
      append_paragraphs (text, jh_task_get_paragraphs (task));
      append_tasks (text, jh_task_get_subtasks (task));
    }
}

/**
 * jh_import_document_dup_text:
 * @self: a #JhImportDocument
 *
 * The document's text in reading order, one piece (title, heading, task
 * lead, paragraph, sign-off) a line, without numbering: what was kept of
 * the source.
 *
 * Returns: (transfer full): the text
 */
char *
jh_import_document_dup_text (JhImportDocument *self)
{
  GListModel *sections;
  GString *text;

  g_return_val_if_fail (JH_IS_IMPORT_DOCUMENT (self), NULL);

  text = g_string_new (NULL);
  sections = jh_plan_get_sections (self->plan);

  append_piece (text, jh_plan_get_title (self->plan));
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      append_piece (text, jh_section_get_title (section));
      append_paragraphs (text, jh_section_get_paragraphs (section));
      append_tasks (text, jh_section_get_tasks (section));
    }

  append_piece (text, jh_plan_get_signoff_organization (self->plan));
  if (jh_plan_get_signoff_date (self->plan) != NULL)
    {
      g_autofree char *date = jh_format_date (jh_plan_get_signoff_date (self->plan));

      append_piece (text, date);
    }

  return g_string_free (text, FALSE);
}
