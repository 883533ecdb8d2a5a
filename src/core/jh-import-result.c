/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-import-result.h"
#include "jh-import-private.h"

/**
 * JhImportResult:
 *
 * What was found in one imported file: its format and encoding, whether
 * its Traditional characters were converted, and the documents in it.
 * In a batch import, a file that could not be read gives a result that
 * holds only the error.
 */
struct _JhImportResult
{
  GObject         parent_instance;

  GFile          *file;
  char           *display_name;
  char           *encoding;
  GListStore     *documents;
  GError         *error;
  JhImportFormat  format;
  gboolean        converted;
};

G_DEFINE_FINAL_TYPE (JhImportResult, jh_import_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DISPLAY_NAME,
  PROP_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * jh_import_format_to_nick:
 * @format: a format
 *
 * Returns: the name of @format in reports: "text", "odt" or "docx"
 */
const char *
jh_import_format_to_nick (JhImportFormat format)
{
  switch (format)
    {
    case JH_IMPORT_FORMAT_TEXT:
      return "text";
    case JH_IMPORT_FORMAT_ODT:
      return "odt";
    case JH_IMPORT_FORMAT_DOCX:
      return "docx";
    default:
      g_return_val_if_reached ("text");
    }
}

static void
jh_import_result_dispose (GObject *object)
{
  JhImportResult *self = JH_IMPORT_RESULT (object);

  g_clear_object (&self->file);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (jh_import_result_parent_class)->dispose (object);
}

static void
jh_import_result_finalize (GObject *object)
{
  JhImportResult *self = JH_IMPORT_RESULT (object);

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (jh_import_result_parent_class)->finalize (object);
}

static void
jh_import_result_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JhImportResult *self = JH_IMPORT_RESULT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_DOCUMENTS:
      g_value_set_object (value, self->documents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_import_result_class_init (JhImportResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jh_import_result_dispose;
  object_class->finalize = jh_import_result_finalize;
  object_class->get_property = jh_import_result_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DOCUMENTS] =
    g_param_spec_object ("documents", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_import_result_init (JhImportResult *self)
{
  self->documents = g_list_store_new (JH_TYPE_IMPORT_DOCUMENT);
}

JhImportResult *
_jh_import_result_new (GFile          *file,
                       const char     *display_name,
                       JhImportFormat  format,
                       const char     *encoding,
                       gboolean        converted)
{
  JhImportResult *self = g_object_new (JH_TYPE_IMPORT_RESULT, NULL);

  self->file = file ? g_object_ref (file) : NULL;
  self->display_name = g_strdup (display_name);
  self->format = format;
  self->encoding = g_strdup (encoding);
  self->converted = converted;

  return self;
}

JhImportResult *
_jh_import_result_new_failed (GFile        *file,
                              const GError *error)
{
  JhImportResult *self = g_object_new (JH_TYPE_IMPORT_RESULT, NULL);

  self->file = g_object_ref (file);
  self->display_name = g_file_get_parse_name (file);
  self->error = g_error_copy (error);

  return self;
}

void
_jh_import_result_add_document (JhImportResult   *self,
                                JhImportDocument *document)
{
  g_list_store_append (self->documents, document);
}

/**
 * jh_import_result_get_file:
 * @self: a #JhImportResult
 *
 * Returns: (transfer none) (nullable): the imported file, or %NULL when
 *   bytes were imported
 */
GFile *
jh_import_result_get_file (JhImportResult *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_RESULT (self), NULL);

  return self->file;
}

/**
 * jh_import_result_get_display_name:
 * @self: a #JhImportResult
 *
 * Returns: the file's name, for messages
 */
const char *
jh_import_result_get_display_name (JhImportResult *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_RESULT (self), NULL);

  return self->display_name;
}

JhImportFormat
jh_import_result_get_format (JhImportResult *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_RESULT (self), JH_IMPORT_FORMAT_TEXT);

  return self->format;
}

/**
 * jh_import_result_get_encoding:
 * @self: a #JhImportResult
 *
 * Returns: (nullable): the encoding the text was in, such as "GB18030" or
 *   "UTF-16LE"; "UTF-8" for word-processor files; %NULL if the file
 *   could not be read
 */
const char *
jh_import_result_get_encoding (JhImportResult *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_RESULT (self), NULL);

  return self->encoding;
}

/**
 * jh_import_result_get_converted:
 * @self: a #JhImportResult
 *
 * Returns: %TRUE when the file was in Traditional characters and was
 *   converted to Simplified
 */
gboolean
jh_import_result_get_converted (JhImportResult *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_RESULT (self), FALSE);

  return self->converted;
}

/**
 * jh_import_result_get_documents:
 * @self: a #JhImportResult
 *
 * Returns: (transfer none): the documents found, as #JhImportDocument
 */
GListModel *
jh_import_result_get_documents (JhImportResult *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_RESULT (self), NULL);

  return G_LIST_MODEL (self->documents);
}

guint
jh_import_result_get_n_documents (JhImportResult *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_RESULT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->documents));
}

/**
 * jh_import_result_get_document:
 * @self: a #JhImportResult
 * @index_: a position, from 0
 *
 * Returns: (transfer none) (nullable): the document at @index_
 */
JhImportDocument *
jh_import_result_get_document (JhImportResult *self,
                               guint           index_)
{
  g_autoptr(JhImportDocument) document = NULL;

  g_return_val_if_fail (JH_IS_IMPORT_RESULT (self), NULL);

  document = g_list_model_get_item (G_LIST_MODEL (self->documents), index_);

  /* The store keeps its own reference. */
  return document;
}

/**
 * jh_import_result_get_error:
 * @self: a #JhImportResult
 *
 * Returns: (nullable): why the file could not be imported, in a batch
 *   import; %NULL when it was
 */
const GError *
jh_import_result_get_error (JhImportResult *self)
{
  g_return_val_if_fail (JH_IS_IMPORT_RESULT (self), NULL);

  return self->error;
}
