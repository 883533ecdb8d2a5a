/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jh-import-private.h"
#include "jh-importer.h"
#include "jh-xml.h"

/**
 * JhImporter:
 *
 * Imports prior-year documents as users have them: text files in any of
 * the encodings Chinese text comes in, ODT and DOCX files; web noise is
 * dropped, several documents in one file are split, headings, sections,
 * tasks, times and targets are recognised.  Each file gives a
 * #JhImportResult with the documents found and the report of each.
 *
 * The importer's properties are its options; they are read when an
 * import starts, so changing them does not affect imports under way.
 */
struct _JhImporter
{
  GObject  parent_instance;

  guint    default_year;
  gboolean convert_traditional;
};

G_DEFINE_FINAL_TYPE (JhImporter, jh_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (jh-import-error-quark, jh_import_error)

enum {
  PROP_0,
  PROP_DEFAULT_YEAR,
  PROP_CONVERT_TRADITIONAL,
  N_PROPS
};

enum {
  PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What an import needs, copied from the importer when it starts. */
typedef struct
{
  guint    default_year;
  gboolean convert_traditional;
} Options;

static void
jh_importer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JhImporter *self = JH_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_YEAR:
      g_value_set_uint (value, self->default_year);
      break;

    case PROP_CONVERT_TRADITIONAL:
      g_value_set_boolean (value, self->convert_traditional);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_importer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JhImporter *self = JH_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_YEAR:
      jh_importer_set_default_year (self, g_value_get_uint (value));
      break;

    case PROP_CONVERT_TRADITIONAL:
      jh_importer_set_convert_traditional (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_importer_class_init (JhImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = jh_importer_get_property;
  object_class->set_property = jh_importer_set_property;

  /**
   * JhImporter:default-year:
   *
   * The year given to documents that do not state theirs (or write it
   * as "20xx"), or 0 for the current year.  The report says when it was
   * used.
   */
  properties[PROP_DEFAULT_YEAR] =
    g_param_spec_uint ("default-year", NULL, NULL,
                       0, JH_PLAN_MAX_YEAR, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhImporter:convert-traditional:
   *
   * Whether text in Traditional characters is converted to Simplified.
   */
  properties[PROP_CONVERT_TRADITIONAL] =
    g_param_spec_boolean ("convert-traditional", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JhImporter::progress:
   * @self: the importer
   * @n_done: how many files of the batch are done
   * @n_files: how many there are
   * @file: (nullable): the file just done
   *
   * Emitted during a batch import, in the main context of the caller,
   * after each file, so that a window can show a progress bar.
   */
  signals[PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_FILE);
}

static void
jh_importer_init (JhImporter *self)
{
  self->convert_traditional = TRUE;
}

/**
 * jh_importer_new:
 *
 * Returns: (transfer full): a new importer with the default options
 */
JhImporter *
jh_importer_new (void)
{
  return g_object_new (JH_TYPE_IMPORTER, NULL);
}

guint
jh_importer_get_default_year (JhImporter *self)
{
  g_return_val_if_fail (JH_IS_IMPORTER (self), 0);

  return self->default_year;
}

void
jh_importer_set_default_year (JhImporter *self,
                              guint       year)
{
  g_return_if_fail (JH_IS_IMPORTER (self));
  g_return_if_fail (year == 0 || (year >= JH_PLAN_MIN_YEAR && year <= JH_PLAN_MAX_YEAR));

  if (self->default_year == year)
    return;

  self->default_year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_YEAR]);
}

gboolean
jh_importer_get_convert_traditional (JhImporter *self)
{
  g_return_val_if_fail (JH_IS_IMPORTER (self), FALSE);

  return self->convert_traditional;
}

void
jh_importer_set_convert_traditional (JhImporter *self,
                                     gboolean    convert)
{
  g_return_if_fail (JH_IS_IMPORTER (self));

  convert = !!convert;
  if (self->convert_traditional == convert)
    return;

  self->convert_traditional = convert;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERT_TRADITIONAL]);
}

/**
 * jh_importer_can_import_name:
 * @name: a file name
 *
 * Returns: whether a file of that name is one Jihua imports (.txt, .odt,
 *   .docx), as a folder import chooses them
 */
gboolean
jh_importer_can_import_name (const char *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  lower = g_utf8_strdown (name, -1);

  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text") ||
         g_str_has_suffix (lower, ".odt") || g_str_has_suffix (lower, ".docx");
}

static Options
get_options (JhImporter *self)
{
  Options options = { self->default_year, self->convert_traditional };

  if (options.default_year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      options.default_year = g_date_time_get_year (now);
    }

  return options;
}

static JhImportResult *
import_bytes (const Options  *options,
              GFile          *file,
              GBytes         *bytes,
              const char     *display_name,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) joined = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_import_drop_free);
  g_autofree char *encoding = NULL;
  g_autofree char *base_name = NULL;
  JhImportResult *result;
  JhImportFormat format = JH_IMPORT_FORMAT_TEXT;
  JhImportContext context;
  gboolean converted = FALSE;
  gboolean any_text = FALSE;
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_EMPTY,
                   _("%s is empty"), display_name);
      return NULL;
    }

  if (size >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      int sniffed = _jh_import_sniff_zip (bytes, display_name, error);

      if (sniffed < 0)
        return NULL;
      format = sniffed;
    }
  else if (size >= 4 && (memcmp (data, "PK\x05\x06", 4) == 0 || memcmp (data, "PK\x07\x08", 4) == 0))
    {
      if (!_jh_import_check_zip (bytes, display_name, error))
        return NULL;
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s is a zip archive but neither an ODT nor a DOCX document"), display_name);
      return NULL;
    }
  else if (size >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s is an old Word or WPS document (.doc, .wps); save it as .docx or .odt and import that"),
                   display_name);
      return NULL;
    }
  else if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s is a PDF file; copy its text into a .txt file and import that"),
                   display_name);
      return NULL;
    }

  switch (format)
    {
    case JH_IMPORT_FORMAT_TEXT:
      {
        g_autofree char *text = _jh_import_decode_text (bytes, display_name, &encoding, error);

        if (text == NULL)
          return NULL;
        lines = _jh_import_split_lines (text);
      }
      break;

    case JH_IMPORT_FORMAT_ODT:
      lines = _jh_import_read_odt (bytes, display_name, cancellable, error);
      encoding = g_strdup ("UTF-8");
      break;

    case JH_IMPORT_FORMAT_DOCX:
      lines = _jh_import_read_docx (bytes, display_name, cancellable, error);
      encoding = g_strdup ("UTF-8");
      break;

    default:
      g_assert_not_reached ();
    }

  if (lines == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Big5 is the encoding of Traditional characters. */
  if (options->convert_traditional)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean force = encoding != NULL && g_str_has_prefix (encoding, "BIG5");

      converted = _jh_import_simplify_lines (lines, force, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  _jh_import_clean_lines (lines, drops);

  for (guint i = 0; i < lines->len && !any_text; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);

      any_text = *line->text != '\0' && line->drop == JH_IMPORT_DROP_NONE;
    }

  if (!any_text)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_EMPTY,
                   _("%s has no text to import"), display_name);
      return NULL;
    }

  joined = _jh_import_join_lines (lines);

  base_name = file ? g_file_get_basename (file) : g_path_get_basename (display_name);
  context.source = base_name;
  context.default_year = options->default_year;
  documents = _jh_import_analyze (joined, drops, &context);

  result = _jh_import_result_new (file, display_name, format, encoding, converted);
  for (guint i = 0; i < documents->len; i++)
    _jh_import_result_add_document (result, g_ptr_array_index (documents, i));

  return result;
}

/**
 * jh_importer_import_bytes:
 * @self: a #JhImporter
 * @bytes: the contents of a file
 * @display_name: the file's name, for messages and provenance
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports the contents of a file.  What the file is (text, ODT, DOCX) is
 * told from its contents, not its name.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
JhImportResult *
jh_importer_import_bytes (JhImporter    *self,
                          GBytes        *bytes,
                          const char    *display_name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  Options options;

  g_return_val_if_fail (JH_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options = get_options (self);

  return import_bytes (&options, NULL, bytes, display_name, cancellable, error);
}

static JhImportResult *
import_file (const Options  *options,
             GFile          *file,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  bytes = jh_file_load_bytes (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);

  return import_bytes (options, file, bytes, name, cancellable, error);
}

/**
 * jh_importer_import_file:
 * @self: a #JhImporter
 * @file: a .txt, .odt or .docx file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports a file; see jh_importer_import_bytes().  Files larger than
 * %JH_FILE_MAX_SIZE are refused before they are read.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
JhImportResult *
jh_importer_import_file (JhImporter    *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  Options options;

  g_return_val_if_fail (JH_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options = get_options (self);

  return import_file (&options, file, cancellable, error);
}

typedef struct
{
  Options       options;
  GFile        *file;        /* a single file or a folder */
  GPtrArray    *files;       /* a batch */
  GMainContext *context;     /* where progress is reported */
  JhImporter   *importer;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_clear_object (&data->importer);
  g_free (data);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  JhImportResult *result;

  result = import_file (&data->options, data->file, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/**
 * jh_importer_import_file_async:
 * @self: a #JhImporter
 * @file: a .txt, .odt or .docx file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is imported
 * @user_data: data for @callback
 *
 * Imports a file in a worker thread.
 */
void
jh_importer_import_file_async (JhImporter          *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (JH_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->options = get_options (self);
  data->file = g_object_ref (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_importer_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_file_thread);
}

/**
 * jh_importer_import_file_finish:
 * @self: a #JhImporter
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the import's result, or %NULL with @error set
 */
JhImportResult *
jh_importer_import_file_finish (JhImporter    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  JhImporter *importer;
  GFile      *file;
  guint       n_done;
  guint       n_files;
} Progress;

static gboolean
emit_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  g_signal_emit (progress->importer, signals[PROGRESS], 0,
                 progress->n_done, progress->n_files, progress->file);

  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_clear_object (&progress->importer);
  g_clear_object (&progress->file);
  g_free (progress);
}

static void
report_progress (ImportData *data,
                 GFile      *file,
                 guint       n_done,
                 guint       n_files)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->importer = g_object_ref (data->importer);
  progress->file = file ? g_object_ref (file) : NULL;
  progress->n_done = n_done;
  progress->n_files = n_files;

  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT,
                              emit_progress_cb, progress, (GDestroyNotify) progress_free);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **) a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **) b);

  return g_utf8_collate (name_a, name_b);
}

/* The files of a folder that can be imported, by name. */
static GPtrArray *
list_folder (GFile         *folder,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          jh_importer_can_import_name (g_file_info_get_name (info)))
        g_ptr_array_add (files, g_object_ref (child));
    }

  g_ptr_array_sort (files, compare_names);

  return g_steal_pointer (&files);
}

static void
import_files_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;

  if (data->files == NULL)
    {
      data->files = list_folder (data->file, cancellable, &error);
      if (data->files == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  report_progress (data, NULL, 0, data->files->len);

  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      JhImportResult *result;

      if (g_task_return_error_if_cancelled (task))
        return;

      result = import_file (&data->options, file, cancellable, &error);
      if (result == NULL)
        {
          /* A cancelled file is the end of the batch; any other failure
           * is reported with its file, and the batch goes on.
           */
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_task_return_error (task, error);
              return;
            }

          result = _jh_import_result_new_failed (file, error);
          g_clear_error (&error);
        }

      g_ptr_array_add (results, result);
      report_progress (data, file, i + 1, data->files->len);
    }

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

static void
start_batch (JhImporter          *self,
             GFile               *folder,
             GPtrArray           *files,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  data = g_new0 (ImportData, 1);
  data->options = get_options (self);
  data->importer = g_object_ref (self);
  data->context = g_main_context_ref_thread_default ();

  if (folder != NULL)
    {
      data->file = g_object_ref (folder);
    }
  else
    {
      data->files = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < files->len; i++)
        g_ptr_array_add (data->files, g_object_ref (g_ptr_array_index (files, i)));
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_files_thread);
}

/**
 * jh_importer_import_files_async:
 * @self: a #JhImporter
 * @files: (element-type GFile): the files to import
 * @cancellable: (nullable): a #GCancellable, to stop the batch
 * @callback: called when every file is done
 * @user_data: data for @callback
 *
 * Imports several files one after the other in a worker thread,
 * emitting #JhImporter::progress after each.  A file that cannot be read
 * does not stop the batch: its result holds the error.
 */
void
jh_importer_import_files_async (JhImporter          *self,
                                GPtrArray           *files,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (JH_IS_IMPORTER (self));
  g_return_if_fail (files != NULL);

  start_batch (self, NULL, files, cancellable, callback, user_data, jh_importer_import_files_async);
}

/**
 * jh_importer_import_files_finish:
 * @self: a #JhImporter
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type JhImportResult): one result per
 *   file, in order; %NULL with @error set when the batch was cancelled
 */
GPtrArray *
jh_importer_import_files_finish (JhImporter    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jh_importer_import_folder_async:
 * @self: a #JhImporter
 * @folder: a folder
 * @cancellable: (nullable): a #GCancellable, to stop the batch
 * @callback: called when every file is done
 * @user_data: data for @callback
 *
 * Imports the .txt, .odt and .docx files directly in @folder, in the
 * order of their names, as jh_importer_import_files_async() does.
 */
void
jh_importer_import_folder_async (JhImporter          *self,
                                 GFile               *folder,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (JH_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (folder));

  start_batch (self, folder, NULL, cancellable, callback, user_data, jh_importer_import_folder_async);
}

/**
 * jh_importer_import_folder_finish:
 * @self: a #JhImporter
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type JhImportResult): one result per
 *   file; %NULL with @error set when the folder cannot be listed or the
 *   batch was cancelled
 */
GPtrArray *
jh_importer_import_folder_finish (JhImporter    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
