/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jh-drafts.h"
#include "jh-plan-file.h"
#include "jh-xml-private.h"

/**
 * JhDrafts:
 *
 * Copies of open plans, written a few seconds after each change, so that
 * a crash or a power cut costs at most those seconds.  Each draft is two
 * files in one folder: ID.jhplan, the plan as a plan file, and ID.draft,
 * a key file saying which file the plan belongs to and when the draft was
 * written.  Both are written atomically; the key file last, so that a
 * draft is listed only once its plan is complete.
 *
 * The folder is the caller's choice (the application uses its user data
 * folder); the core never decides where user files go.
 */

#define DRAFT_GROUP "Draft"

struct _JhDraftInfo
{
  char      *id;
  char      *title;
  GFile     *file;
  GDateTime *saved_at;
};

G_DEFINE_BOXED_TYPE (JhDraftInfo, jh_draft_info, jh_draft_info_ref, jh_draft_info_unref)

static void
jh_draft_info_clear (JhDraftInfo *self)
{
  g_free (self->id);
  g_free (self->title);
  g_clear_object (&self->file);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
}

JhDraftInfo *
jh_draft_info_ref (JhDraftInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
jh_draft_info_unref (JhDraftInfo *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) jh_draft_info_clear);
}

const char *
jh_draft_info_get_id (JhDraftInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

/**
 * jh_draft_info_get_title:
 * @self: a #JhDraftInfo
 *
 * Returns: the title of the drafted plan, possibly empty
 */
const char *
jh_draft_info_get_title (JhDraftInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/**
 * jh_draft_info_get_file:
 * @self: a #JhDraftInfo
 *
 * Returns: (transfer none) (nullable): the file the plan belongs to,
 *   %NULL for a plan never saved
 */
GFile *
jh_draft_info_get_file (JhDraftInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

/**
 * jh_draft_info_get_saved_at:
 * @self: a #JhDraftInfo
 *
 * Returns: (transfer none): when the draft was written
 */
GDateTime *
jh_draft_info_get_saved_at (JhDraftInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->saved_at;
}

struct _JhDrafts
{
  GObject  parent_instance;

  GFile   *directory;
};

G_DEFINE_FINAL_TYPE (JhDrafts, jh_drafts, G_TYPE_OBJECT)

static void
jh_drafts_finalize (GObject *object)
{
  JhDrafts *self = (JhDrafts *) object;

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (jh_drafts_parent_class)->finalize (object);
}

static void
jh_drafts_class_init (JhDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jh_drafts_finalize;
}

static void
jh_drafts_init (JhDrafts *self)
{
}

/**
 * jh_drafts_new:
 * @directory: the folder drafts are kept in; created when needed
 *
 * Returns: (transfer full): a new #JhDrafts
 */
JhDrafts *
jh_drafts_new (GFile *directory)
{
  JhDrafts *self;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (JH_TYPE_DRAFTS, NULL);
  self->directory = g_object_ref (directory);

  return self;
}

/**
 * jh_drafts_get_directory:
 * @self: a #JhDrafts
 *
 * Returns: (transfer none): the folder of the drafts
 */
GFile *
jh_drafts_get_directory (JhDrafts *self)
{
  g_return_val_if_fail (JH_IS_DRAFTS (self), NULL);

  return self->directory;
}

/**
 * jh_drafts_new_id:
 *
 * Returns: (transfer full): a new draft id, unique for every plan opened
 */
char *
jh_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

/* Ids name files: only what jh_drafts_new_id() makes is accepted, so an
 * id can never lead out of the folder.
 */
static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (id != NULL && g_uuid_string_is_valid (id))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a draft id"), id ? id : "");

  return FALSE;
}

static GFile *
get_child (JhDrafts   *self,
           const char *id,
           const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (self->directory, name);
}

/* Everything a save writes, built on the caller's thread so that the
 * plan is read there and only there.
 */
typedef struct
{
  GFile  *plan_file;
  GFile  *info_file;
  GBytes *plan_bytes;
  GBytes *info_bytes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->plan_file);
  g_clear_object (&data->info_file);
  g_clear_pointer (&data->plan_bytes, g_bytes_unref);
  g_clear_pointer (&data->info_bytes, g_bytes_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static SaveData *
prepare_save (JhDrafts    *self,
              const char  *id,
              JhPlan      *plan,
              GFile       *file,
              GError     **error)
{
  g_autoptr(SaveData) data = g_new0 (SaveData, 1);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved_at = g_date_time_format_iso8601 (now);
  g_autofree char *info_text = NULL;
  gsize info_length;

  if (!check_id (id, error))
    return NULL;

  data->plan_bytes = jh_plan_serialize (plan, error);
  if (data->plan_bytes == NULL)
    return NULL;

  g_key_file_set_string (info, DRAFT_GROUP, "Title", jh_plan_get_title (plan));
  g_key_file_set_string (info, DRAFT_GROUP, "SavedAt", saved_at);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (info, DRAFT_GROUP, "File", uri);
    }
  info_text = g_key_file_to_data (info, &info_length, NULL);
  data->info_bytes = g_bytes_new_take (g_steal_pointer (&info_text), info_length);

  data->plan_file = get_child (self, id, JH_PLAN_FILE_SUFFIX);
  data->info_file = get_child (self, id, ".draft");

  return g_steal_pointer (&data);
}

static gboolean
write_save (JhDrafts      *self,
            SaveData      *data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (self->directory, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* No backups: a draft is itself the backup. */
  return _jh_file_replace_bytes (data->plan_file, data->plan_bytes, FALSE,
                                 G_FILE_CREATE_PRIVATE, cancellable, error) &&
         _jh_file_replace_bytes (data->info_file, data->info_bytes, FALSE,
                                 G_FILE_CREATE_PRIVATE, cancellable, error);
}

/**
 * jh_drafts_save:
 * @self: a #JhDrafts
 * @id: the plan's draft id, from jh_drafts_new_id()
 * @plan: the plan as it is now
 * @file: (nullable): the file the plan belongs to, if it has one
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes a draft of @plan, replacing the previous draft of the same id.
 *
 * Returns: %TRUE on success
 */
gboolean
jh_drafts_save (JhDrafts      *self,
                const char    *id,
                JhPlan        *plan,
                GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(SaveData) data = NULL;

  g_return_val_if_fail (JH_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (JH_IS_PLAN (plan), FALSE);

  data = prepare_save (self, id, plan, file, error);

  return data != NULL && write_save (self, data, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_save (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * jh_drafts_save_async:
 * @self: a #JhDrafts
 * @id: the plan's draft id
 * @plan: the plan as it is now; read before this returns
 * @file: (nullable): the file the plan belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the draft is written
 * @user_data: data for @callback
 *
 * Writes a draft as jh_drafts_save() does, the writing in a worker thread
 * so that typing never waits for the disk.
 */
void
jh_drafts_save_async (JhDrafts            *self,
                      const char          *id,
                      JhPlan              *plan,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (JH_IS_DRAFTS (self));
  g_return_if_fail (JH_IS_PLAN (plan));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_drafts_save_async);

  data = prepare_save (self, id, plan, file, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
jh_drafts_save_finish (JhDrafts      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (JH_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static JhDraftInfo *
read_info (JhDrafts     *self,
           const char   *id,
           GCancellable *cancellable)
{
  g_autoptr(GFile) info_file = get_child (self, id, ".draft");
  g_autoptr(GFile) plan_file = get_child (self, id, JH_PLAN_FILE_SUFFIX);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *contents = NULL;
  g_autofree char *saved_at = NULL;
  g_autofree char *uri = NULL;
  JhDraftInfo *info;
  gsize length;

  if (!g_file_load_contents (info_file, cancellable, &contents, &length, NULL, NULL) ||
      !g_key_file_load_from_data (key_file, contents, length, G_KEY_FILE_NONE, NULL) ||
      !g_file_query_exists (plan_file, cancellable))
    return NULL;

  info = g_atomic_rc_box_new0 (JhDraftInfo);
  info->id = g_strdup (id);
  info->title = g_key_file_get_string (key_file, DRAFT_GROUP, "Title", NULL);
  if (info->title == NULL)
    info->title = g_strdup ("");

  uri = g_key_file_get_string (key_file, DRAFT_GROUP, "File", NULL);
  if (uri != NULL)
    info->file = g_file_new_for_uri (uri);

  saved_at = g_key_file_get_string (key_file, DRAFT_GROUP, "SavedAt", NULL);
  if (saved_at != NULL)
    info->saved_at = g_date_time_new_from_iso8601 (saved_at, NULL);
  if (info->saved_at == NULL)
    info->saved_at = g_date_time_new_from_unix_utc (0);

  return info;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  JhDraftInfo *info_a = *(JhDraftInfo **) a;
  JhDraftInfo *info_b = *(JhDraftInfo **) b;

  return g_date_time_compare (info_b->saved_at, info_a->saved_at);
}

/**
 * jh_drafts_list:
 * @self: a #JhDrafts
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Lists the drafts in the folder, newest first.  A missing folder holds
 * no drafts; a draft whose files are incomplete is not listed.
 *
 * Returns: (transfer full) (element-type JhDraftInfo): the drafts, or
 *   %NULL with @error set when the folder cannot be read
 */
GPtrArray *
jh_drafts_list (JhDrafts      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_draft_info_unref);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (JH_IS_DRAFTS (self), NULL);

  enumerator = g_file_enumerate_children (self->directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&drafts);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *file_info = NULL;
      g_autofree char *id = NULL;
      const char *name;
      JhDraftInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &file_info, NULL, cancellable, error))
        return NULL;
      if (file_info == NULL)
        break;

      name = g_file_info_get_name (file_info);
      if (!g_str_has_suffix (name, ".draft"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".draft"));
      if (!g_uuid_string_is_valid (id))
        continue;

      info = read_info (self, id, cancellable);
      if (info != NULL)
        g_ptr_array_add (drafts, info);
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return g_steal_pointer (&drafts);
}

/**
 * jh_drafts_load:
 * @self: a #JhDrafts
 * @id: a draft id
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the drafted plan, or %NULL with @error set
 */
JhPlan *
jh_drafts_load (JhDrafts      *self,
                const char    *id,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) plan_file = NULL;

  g_return_val_if_fail (JH_IS_DRAFTS (self), NULL);

  if (!check_id (id, error))
    return NULL;

  plan_file = get_child (self, id, JH_PLAN_FILE_SUFFIX);

  return jh_plan_load_from_file (plan_file, cancellable, error);
}

/**
 * jh_drafts_discard:
 * @self: a #JhDrafts
 * @id: a draft id
 * @error: return location for a #GError
 *
 * Deletes a draft, as when its plan was saved or the user discarded the
 * changes.  Deleting a draft that does not exist is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
jh_drafts_discard (JhDrafts    *self,
                   const char  *id,
                   GError     **error)
{
  const char * const suffixes[] = { ".draft", JH_PLAN_FILE_SUFFIX };

  g_return_val_if_fail (JH_IS_DRAFTS (self), FALSE);

  if (!check_id (id, error))
    return FALSE;

  /* The key file goes first, so that a half-deleted draft is not listed. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autoptr(GFile) file = get_child (self, id, suffixes[i]);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_delete (file, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}
