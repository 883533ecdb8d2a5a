/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jh-library-set.h"
#include "jh-library-private.h"
#include "jh-object-list.h"

/**
 * JhLibrarySet:
 *
 * The libraries a plan is checked against, in order: the built-in one,
 * the user's own, then any number of others (an office's, on a network
 * folder).  A later library wins: its clause or rule with the id of an
 * earlier one replaces it, and it may switch off an earlier rule with
 * <disable>.  The set is a list of #JhLibrary; it also gives the
 * resulting clauses and rules, and an index of all clauses for the
 * similarity checks and the clause browser.
 */

struct _JhLibrarySet
{
  GObject        parent_instance;

  GPtrArray     *libraries;
  JhObjectList  *clauses;        /* the clauses in force */
  GListStore    *rules;          /* the rules in force */
  GHashTable    *rules_by_id;
  JhClauseIndex *index;
  JhClauseIndex *read_index;        /* built as the libraries were read */
  gboolean       dirty;
  JhLibrary     *user_library;      /* weak: in libraries */
  GFile         *user_file;         /* as given to load */

  /* The extra libraries: where they are, what went wrong reading them,
   * and the watch on them.  They are the libraries from n_base on.
   */
  guint          n_base;
  GPtrArray     *base_errors;
  GPtrArray     *extra_locations;
  GPtrArray     *extra_errors;
  GPtrArray     *monitors;
  GCancellable  *reload_cancellable;
  guint          reload_source;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JhLibrarySet, jh_library_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return JH_TYPE_LIBRARY;
}

static guint
get_n_items (GListModel *model)
{
  return JH_LIBRARY_SET (model)->libraries->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  JhLibrarySet *self = JH_LIBRARY_SET (model);

  if (position >= self->libraries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->libraries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
jh_library_set_finalize (GObject *object)
{
  JhLibrarySet *self = (JhLibrarySet *) object;

  g_clear_pointer (&self->libraries, g_ptr_array_unref);
  g_clear_object (&self->clauses);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->rules_by_id, g_hash_table_unref);
  g_clear_object (&self->index);
  g_clear_object (&self->read_index);
  g_clear_object (&self->user_file);
  g_clear_pointer (&self->base_errors, g_ptr_array_unref);
  g_clear_pointer (&self->extra_locations, g_ptr_array_unref);
  g_clear_pointer (&self->extra_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_library_set_parent_class)->finalize (object);
}

static void
jh_library_set_dispose (GObject *object)
{
  JhLibrarySet *self = (JhLibrarySet *) object;

  jh_library_set_stop_watching (self);

  G_OBJECT_CLASS (jh_library_set_parent_class)->dispose (object);
}

static void
jh_library_set_class_init (JhLibrarySetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jh_library_set_dispose;
  object_class->finalize = jh_library_set_finalize;

  /**
   * JhLibrarySet::changed:
   * @self: the set
   *
   * The clauses or rules in force changed: a library of the set was
   * edited (the user's own), or read again after its file changed.
   * Plans should be checked again and clause lists refreshed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
jh_library_set_init (JhLibrarySet *self)
{
  self->libraries = g_ptr_array_new_with_free_func (g_object_unref);
  self->clauses = jh_object_list_new (JH_TYPE_CLAUSE);
  self->rules = g_list_store_new (JH_TYPE_RULE);
  self->rules_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->base_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->extra_locations = g_ptr_array_new_with_free_func (g_object_unref);
  self->extra_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

/**
 * jh_library_set_new:
 *
 * Returns: (transfer full): an empty set, to fill with
 *   jh_library_set_append()
 */
JhLibrarySet *
jh_library_set_new (void)
{
  return g_object_new (JH_TYPE_LIBRARY_SET, NULL);
}

/* The clause with @id of the last library from @start to before @end
 * that has one.
 */
static JhClause *
find_in_libraries (JhLibrarySet *self,
                   guint         start,
                   guint         end,
                   const char   *id)
{
  for (guint i = end; i > start; i--)
    {
      JhClause *clause = jh_library_find_clause (g_ptr_array_index (self->libraries, i - 1), id);

      if (clause != NULL)
        return clause;
    }

  return NULL;
}

/* Works out the clauses and rules in force after the libraries in
 * order, and indexes the clauses.  Indexing a hundred thousand clauses
 * takes a while, which is why loading runs in a thread and does this
 * there.
 */
static GPtrArray *
merge_libraries (JhLibrarySet *self)
{
  g_autoptr(GPtrArray) clauses = g_ptr_array_new ();
  g_autoptr(GPtrArray) rules = g_ptr_array_new ();
  g_autoptr(GHashTable) rule_positions = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_remove_all (self->rules_by_id);

  for (guint i = 0; i < self->libraries->len; i++)
    {
      JhLibrary *library = g_ptr_array_index (self->libraries, i);
      GListModel *library_clauses = jh_library_get_clauses (library);
      GListModel *library_rules = jh_library_get_rules (library);
      const char * const *disabled = jh_library_get_disabled_rules (library);

      for (guint j = 0; disabled[j] != NULL; j++)
        {
          gpointer position;

          if (g_hash_table_lookup_extended (rule_positions, disabled[j], NULL, &position))
            {
              g_ptr_array_index (rules, GPOINTER_TO_UINT (position)) = NULL;
              g_hash_table_remove (rule_positions, disabled[j]);
              g_hash_table_remove (self->rules_by_id, disabled[j]);
            }
        }

      for (guint j = 0; j < g_list_model_get_n_items (library_clauses); j++)
        {
          g_autoptr(JhClause) clause = g_list_model_get_item (library_clauses, j);
          const char *id = jh_clause_get_id (clause);

          /* A clause is in force in the place where its id first
           * appears, in the wording of the last library that has it.
           * The libraries' own tables tell both, so the merge needs no
           * table of every clause by id (megabytes, at the peak).
           */
          if (find_in_libraries (self, 0, i, id) == NULL)
            g_ptr_array_add (clauses, find_in_libraries (self, i, self->libraries->len, id));
        }

      for (guint j = 0; j < g_list_model_get_n_items (library_rules); j++)
        {
          g_autoptr(JhRule) rule = g_list_model_get_item (library_rules, j);
          const char *id = jh_rule_get_id (rule);
          gpointer position;

          if (g_hash_table_lookup_extended (rule_positions, id, NULL, &position))
            g_ptr_array_index (rules, GPOINTER_TO_UINT (position)) = rule;
          else
            {
              g_hash_table_insert (rule_positions, (gpointer) id, GUINT_TO_POINTER (rules->len));
              g_ptr_array_add (rules, rule);
            }
          g_hash_table_insert (self->rules_by_id, (gpointer) id, rule);
        }
    }

  jh_object_list_remove_all (self->clauses);
  jh_object_list_splice (self->clauses, 0, 0, clauses->pdata, clauses->len);

  g_list_store_remove_all (self->rules);
  for (guint i = 0; i < rules->len; i++)
    if (g_ptr_array_index (rules, i) != NULL)
      g_list_store_append (self->rules, g_ptr_array_index (rules, i));

  return g_steal_pointer (&clauses);
}

static void
index_clauses (JhLibrarySet *self,
               GPtrArray    *clauses)
{
  g_clear_object (&self->index);
  if (self->read_index != NULL)
    {
      g_autoptr(GHashTable) in_force = g_hash_table_new (NULL, NULL);

      /* Every clause read is in it, also those a later library's
       * clause of the same id replaces, and those of a library that
       * turned out broken.
       */
      for (guint i = 0; i < clauses->len; i++)
        g_hash_table_add (in_force, g_ptr_array_index (clauses, i));
      self->index = g_steal_pointer (&self->read_index);
      _jh_clause_index_keep_only (self->index, in_force);
    }
  else
    {
      self->index = jh_clause_index_new ();
      for (guint i = 0; i < clauses->len; i++)
        jh_clause_index_add (self->index, g_ptr_array_index (clauses, i),
                             jh_clause_get_text (g_ptr_array_index (clauses, i)));
    }

}

static void
update (JhLibrarySet *self)
{
  g_autoptr(GPtrArray) clauses = NULL;

  if (!self->dirty)
    return;

  clauses = merge_libraries (self);
  index_clauses (self, clauses);
  self->dirty = FALSE;
}

/**
 * jh_library_set_append:
 * @self: a #JhLibrarySet
 * @library: a library, which wins over those already in the set
 */
static void
library_changed_cb (JhLibrarySet *self)
{
  self->dirty = TRUE;
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
insert_library (JhLibrarySet *self,
                guint         position,
                JhLibrary    *library)
{
  g_ptr_array_insert (self->libraries, position, g_object_ref (library));
  g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  self->dirty = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
jh_library_set_append (JhLibrarySet *self,
                       JhLibrary    *library)
{
  g_return_if_fail (JH_IS_LIBRARY_SET (self));
  g_return_if_fail (JH_IS_LIBRARY (library));

  insert_library (self, self->libraries->len, library);

  /* Libraries given by hand count with the built-in and user ones:
   * reading the extra libraries again leaves them alone.
   */
  if (self->extra_locations->len == 0)
    self->n_base = self->libraries->len;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **) a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **) b);

  return g_strcmp0 (name_a, name_b);
}

static gboolean
append_file (JhLibrarySet          *self,
             GFile                 *file,
             JhClauseIndexBuilder  *builder,
             GPtrArray             *errors,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autoptr(JhLibrary) library = NULL;
  GError *local_error = NULL;

  library = _jh_library_load_indexing (file, builder, cancellable, &local_error);
  if (library == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }

      /* A library that cannot be read is reported by its name; the
       * others are still used.  GIO's messages do not all name the file.
       */
      if (local_error->domain != JH_FILE_ERROR)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_prefix_error (&local_error, "%s: ", name);
        }
      g_ptr_array_add (errors, local_error);
      return TRUE;
    }

  jh_library_set_append (self, library);

  return TRUE;
}

/* A folder means every library in it, in the order of their names. */
static gboolean
append_location (JhLibrarySet          *self,
                 GFile                 *location,
                 JhClauseIndexBuilder  *builder,
                 GPtrArray             *errors,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = NULL;
  GError *local_error = NULL;

  if (g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    return append_file (self, location, builder, errors, cancellable, error);

  enumerator = g_file_enumerate_children (location,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  files = g_ptr_array_new_with_free_func (g_object_unref);

  while (enumerator != NULL && local_error == NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &local_error) || info == NULL)
        break;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (g_file_info_get_name (info), JH_LIBRARY_FILE_SUFFIX))
        g_ptr_array_add (files, g_object_ref (child));
    }

  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (location);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }

      g_prefix_error (&local_error, "%s: ", name);
      g_ptr_array_add (errors, local_error);
      return TRUE;
    }

  g_ptr_array_sort (files, compare_files);
  for (guint i = 0; i < files->len; i++)
    if (!append_file (self, g_ptr_array_index (files, i), builder, errors, cancellable, error))
      return FALSE;

  return TRUE;
}

/**
 * jh_library_set_load:
 * @with_builtin: whether to start with the built-in library
 * @user_library: (nullable): the user's own library file; the caller
 *   decides where it lives.  It is skipped when it does not exist yet.
 * @extra_libraries: (nullable) (element-type GFile): more library files
 *   or folders, in order; a folder means every .jhlib file in it
 * @errors: (out) (optional) (transfer full) (element-type GError): the
 *   libraries that could not be read, each error naming its file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError: only cancellation fails
 *
 * Loads the libraries in use.  A broken library does not stop the
 * others: the set holds the good ones and @errors says what was wrong
 * with the rest.  This blocks; see jh_library_set_load_async().
 *
 * Returns: (transfer full): the set, or %NULL when cancelled
 */
JhLibrarySet *
jh_library_set_load (gboolean       with_builtin,
                     GFile         *user_library,
                     GPtrArray     *extra_libraries,
                     GPtrArray    **errors,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(JhLibrarySet) self = NULL;
  g_autoptr(GPtrArray) load_errors = NULL;
  g_autoptr(JhClauseIndexBuilder) builder = NULL;
  g_autoptr(GPtrArray) clauses = NULL;

  g_return_val_if_fail (user_library == NULL || G_IS_FILE (user_library), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = jh_library_set_new ();
  load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  /* The clauses are indexed in a second thread as they are read. */
  builder = _jh_clause_index_builder_new ();

  if (with_builtin)
    {
      g_autoptr(JhLibrary) builtin = jh_library_new_builtin ();
      GListModel *builtin_clauses = jh_library_get_clauses (builtin);

      for (guint i = 0; i < g_list_model_get_n_items (builtin_clauses); i++)
        {
          g_autoptr(JhClause) clause = g_list_model_get_item (builtin_clauses, i);

          _jh_clause_index_builder_add (builder, clause, jh_clause_get_text (clause));
        }
      jh_library_set_append (self, builtin);
    }

  if (user_library != NULL)
    {
      guint n_libraries = self->libraries->len;

      self->user_file = g_object_ref (user_library);
      if (g_file_query_exists (user_library, cancellable))
        {
          if (!append_file (self, user_library, builder, load_errors, cancellable, error))
            return NULL;
        }
      else
        {
          g_autoptr(JhLibrary) library = jh_library_new_for_file (user_library, _("My clauses"));

          jh_library_set_append (self, library);
        }

      /* A broken user library is reported and not replaced: saving an
       * empty one over it would lose the user's clauses.
       */
      if (self->libraries->len > n_libraries)
        self->user_library = g_ptr_array_index (self->libraries, n_libraries);
    }

  self->n_base = self->libraries->len;
  for (guint i = 0; i < load_errors->len; i++)
    g_ptr_array_add (self->base_errors, g_error_copy (g_ptr_array_index (load_errors, i)));

  for (guint i = 0; extra_libraries != NULL && i < extra_libraries->len; i++)
    {
      GFile *location = g_ptr_array_index (extra_libraries, i);
      guint n_errors = load_errors->len;

      g_ptr_array_add (self->extra_locations, g_object_ref (location));
      if (!append_location (self, location, builder, load_errors, cancellable, error))
        return NULL;
      for (guint j = n_errors; j < load_errors->len; j++)
        g_ptr_array_add (self->extra_errors, g_error_copy (g_ptr_array_index (load_errors, j)));
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* The libraries merged while the index thread files the clauses. */
  clauses = merge_libraries (self);
  self->read_index = _jh_clause_index_builder_finish (g_steal_pointer (&builder));
  index_clauses (self, clauses);
  self->dirty = FALSE;

  if (errors != NULL)
    *errors = g_steal_pointer (&load_errors);

  return g_steal_pointer (&self);
}

typedef struct
{
  gboolean   with_builtin;
  GFile     *user_library;
  GPtrArray *extra_libraries;
  GPtrArray *errors;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->user_library);
  g_clear_pointer (&data->extra_libraries, g_ptr_array_unref);
  g_clear_pointer (&data->errors, g_ptr_array_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  JhLibrarySet *set;

  set = jh_library_set_load (data->with_builtin, data->user_library, data->extra_libraries,
                             &data->errors, cancellable, &error);
  if (set == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, set, g_object_unref);
}

/**
 * jh_library_set_load_async:
 * @with_builtin: whether to start with the built-in library
 * @user_library: (nullable): the user's own library file
 * @extra_libraries: (nullable) (element-type GFile): more files or folders
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the libraries are loaded
 * @user_data: data for @callback
 *
 * Loads the libraries as jh_library_set_load() does, in a worker thread:
 * a big library on a network folder does not freeze the window.
 */
void
jh_library_set_load_async (gboolean             with_builtin,
                           GFile               *user_library,
                           GPtrArray           *extra_libraries,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (user_library == NULL || G_IS_FILE (user_library));

  data = g_new0 (LoadData, 1);
  data->with_builtin = with_builtin;
  data->user_library = user_library ? g_object_ref (user_library) : NULL;
  data->extra_libraries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; extra_libraries != NULL && i < extra_libraries->len; i++)
    g_ptr_array_add (data->extra_libraries, g_object_ref (g_ptr_array_index (extra_libraries, i)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_library_set_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * jh_library_set_load_finish:
 * @result: the result given to the callback
 * @errors: (out) (optional) (transfer full) (element-type GError): the
 *   libraries that could not be read
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the set, or %NULL when cancelled
 */
JhLibrarySet *
jh_library_set_load_finish (GAsyncResult  *result,
                            GPtrArray    **errors,
                            GError       **error)
{
  LoadData *data;
  JhLibrarySet *set;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  set = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));

  if (errors != NULL)
    *errors = set != NULL && data->errors != NULL
                ? g_ptr_array_ref (data->errors)
                : g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  return set;
}

/**
 * jh_library_set_get_clauses:
 * @self: a #JhLibrarySet
 *
 * Returns: (transfer none): the clauses in force, a list of #JhClause:
 *   each id once, from the last library that has it
 */
GListModel *
jh_library_set_get_clauses (JhLibrarySet *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY_SET (self), NULL);

  update (self);

  return G_LIST_MODEL (self->clauses);
}

/**
 * jh_library_set_get_rules:
 * @self: a #JhLibrarySet
 *
 * Returns: (transfer none): the rules in force, a list of #JhRule, less
 *   those a later library disables
 */
GListModel *
jh_library_set_get_rules (JhLibrarySet *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY_SET (self), NULL);

  update (self);

  return G_LIST_MODEL (self->rules);
}

/**
 * jh_library_set_find_clause:
 * @self: a #JhLibrarySet
 * @id: a clause id
 *
 * Returns: (transfer none) (nullable): the clause in force with @id
 */
JhClause *
jh_library_set_find_clause (JhLibrarySet *self,
                            const char   *id)
{
  g_return_val_if_fail (JH_IS_LIBRARY_SET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  update (self);

  /* The clause in force is the one of the last library that has the
   * id, as merge_libraries() has it.  Asking the few libraries saves a
   * table of every clause by id, megabytes for 100,000 clauses.
   */
  return find_in_libraries (self, 0, self->libraries->len, id);
}

/**
 * jh_library_set_find_rule:
 * @self: a #JhLibrarySet
 * @id: a rule id
 *
 * Returns: (transfer none) (nullable): the rule in force with @id
 */
JhRule *
jh_library_set_find_rule (JhLibrarySet *self,
                          const char   *id)
{
  g_return_val_if_fail (JH_IS_LIBRARY_SET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  update (self);

  return g_hash_table_lookup (self->rules_by_id, id);
}

/**
 * jh_library_set_get_index:
 * @self: a #JhLibrarySet
 *
 * Returns: (transfer none): the index of the clauses in force, whose
 *   items are #JhClause
 */
JhClauseIndex *
jh_library_set_get_index (JhLibrarySet *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY_SET (self), NULL);

  update (self);

  return self->index;
}

/**
 * jh_library_set_find_similar:
 * @self: a #JhLibrarySet
 * @text: a text, such as a paragraph of a plan
 * @threshold: the least containment similarity, from 0 to 1
 *
 * Finds the clauses a text is made of, or that it is part of: "which
 * clause is this paragraph?".
 *
 * Returns: (transfer full) (element-type JhClauseIndexMatch): the
 *   matching clauses, most similar first
 */
GArray *
jh_library_set_find_similar (JhLibrarySet *self,
                             const char   *text,
                             double        threshold)
{
  g_return_val_if_fail (JH_IS_LIBRARY_SET (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return jh_clause_index_query (jh_library_set_get_index (self), text,
                                JH_SIMILARITY_CONTAINMENT, threshold);
}

/**
 * jh_library_set_get_user_library:
 * @self: a #JhLibrarySet
 *
 * The user's own library, to add clauses to and save: the one given to
 * jh_library_set_load(), or else the one in the user data folder (see
 * jh_library_dup_user_file()), read now or, when there is none yet,
 * made empty and placed after the built-in library; the file is
 * written on the first jh_library_save().
 *
 * Returns: (transfer none) (nullable): the user's library, or %NULL
 *   when its file exists but cannot be read (then it must not be
 *   overwritten; the loading errors say what is wrong)
 */
JhLibrary *
jh_library_set_get_user_library (JhLibrarySet *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(JhLibrary) library = NULL;
  guint position = 0;

  g_return_val_if_fail (JH_IS_LIBRARY_SET (self), NULL);

  if (self->user_library != NULL || self->user_file != NULL)
    return self->user_library;

  file = jh_library_dup_user_file ();
  if (g_file_query_exists (file, NULL))
    {
      g_autoptr(GError) error = NULL;

      library = jh_library_load_from_file (file, NULL, &error);
      if (library == NULL)
        {
          g_warning ("%s", error->message);
          self->user_file = g_steal_pointer (&file);
          return NULL;
        }
    }
  else
    library = jh_library_new_for_file (file, _("My clauses"));

  while (position < self->libraries->len &&
         jh_library_is_builtin (g_ptr_array_index (self->libraries, position)))
    position++;

  self->user_file = g_steal_pointer (&file);
  self->user_library = library;
  insert_library (self, position, library);
  if (position <= self->n_base)
    self->n_base++;
  library_changed_cb (self);

  return self->user_library;
}

/**
 * jh_library_set_dup_errors:
 * @self: a #JhLibrarySet
 *
 * What was wrong with the libraries that could not be read, at loading
 * or at the last reading after a change (see
 * jh_library_set_start_watching()), each error naming its file.
 *
 * Returns: (transfer full) (element-type GError): the errors
 */
GPtrArray *
jh_library_set_dup_errors (JhLibrarySet *self)
{
  GPtrArray *errors;

  g_return_val_if_fail (JH_IS_LIBRARY_SET (self), NULL);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  for (guint i = 0; i < self->base_errors->len; i++)
    g_ptr_array_add (errors, g_error_copy (g_ptr_array_index (self->base_errors, i)));
  for (guint i = 0; i < self->extra_errors->len; i++)
    g_ptr_array_add (errors, g_error_copy (g_ptr_array_index (self->extra_errors, i)));

  return errors;
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *locations = task_data;
  g_autoptr(GPtrArray) errors = NULL;
  GError *error = NULL;
  JhLibrarySet *extras;

  extras = jh_library_set_load (FALSE, NULL, locations, &errors, cancellable, &error);
  if (extras == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, extras, g_object_unref);
}

static void
reload_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JhLibrarySet *self = JH_LIBRARY_SET (object);
  g_autoptr(JhLibrarySet) extras = NULL;
  g_autoptr(GError) error = NULL;
  guint n_removed;

  extras = g_task_propagate_pointer (G_TASK (result), &error);
  if (extras == NULL)
    return;   /* cancelled: a newer reading is under way */

  g_clear_object (&self->reload_cancellable);

  n_removed = self->libraries->len - self->n_base;
  g_ptr_array_remove_range (self->libraries, self->n_base, n_removed);
  for (guint i = 0; i < extras->libraries->len; i++)
    {
      JhLibrary *library = g_ptr_array_index (extras->libraries, i);

      g_ptr_array_add (self->libraries, g_object_ref (library));
      g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_ptr_array_set_size (self->extra_errors, 0);
  for (guint i = 0; i < extras->extra_errors->len; i++)
    g_ptr_array_add (self->extra_errors, g_error_copy (g_ptr_array_index (extras->extra_errors, i)));

  g_list_model_items_changed (G_LIST_MODEL (self), self->n_base, n_removed, extras->libraries->len);
  library_changed_cb (self);
}

/**
 * jh_library_set_reload_extra_libraries:
 * @self: a #JhLibrarySet
 *
 * Reads the extra libraries again, in a worker thread, and then puts
 * them in place of the old ones and emits #JhLibrarySet::changed; a
 * library that cannot be read any more is left out and reported by
 * jh_library_set_dup_errors().  The watch does this by itself.
 */
void
jh_library_set_reload_extra_libraries (JhLibrarySet *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) locations = NULL;

  g_return_if_fail (JH_IS_LIBRARY_SET (self));

  if (self->reload_cancellable != NULL)
    g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  self->reload_cancellable = g_cancellable_new ();

  locations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->extra_locations->len; i++)
    g_ptr_array_add (locations, g_object_ref (g_ptr_array_index (self->extra_locations, i)));

  task = g_task_new (self, self->reload_cancellable, reload_done, NULL);
  g_task_set_source_tag (task, jh_library_set_reload_extra_libraries);
  g_task_set_task_data (task, g_steal_pointer (&locations), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, reload_thread);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  JhLibrarySet *self = data;

  self->reload_source = 0;
  jh_library_set_reload_extra_libraries (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    JhLibrarySet      *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      break;
    default:
      return;
    }

  /* A file copied onto a network folder arrives in many writes: read
   * it once they have settled.
   */
  if (self->reload_source != 0)
    g_source_remove (self->reload_source);
  self->reload_source = g_timeout_add (300, reload_timeout_cb, self);
}

/**
 * jh_library_set_start_watching:
 * @self: a #JhLibrarySet
 *
 * Watches the extra libraries' files and folders (GFileMonitor; on a
 * network folder as far as GIO can watch it) and reads them again when
 * they change: a library added to a shared folder, edited or removed.
 * The changes arrive in the thread-default main context of the caller,
 * as #JhLibrarySet::changed.  The user's own library is not watched:
 * Jihua writes it.
 */
void
jh_library_set_start_watching (JhLibrarySet *self)
{
  g_return_if_fail (JH_IS_LIBRARY_SET (self));

  if (self->monitors != NULL)
    return;

  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->extra_locations->len; i++)
    {
      GFile *location = g_ptr_array_index (self->extra_locations, i);
      g_autoptr(GError) error = NULL;
      GFileMonitor *monitor;

      monitor = g_file_monitor (location, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (monitor == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (location);

          /* Some network folders cannot be watched; they are read when
           * the libraries are loaded again.
           */
          g_debug ("Cannot watch %s: %s", name, error->message);
          continue;
        }

      g_signal_connect_object (monitor, "changed", G_CALLBACK (monitor_changed_cb), self, 0);
      g_ptr_array_add (self->monitors, monitor);
    }
}

/**
 * jh_library_set_stop_watching:
 * @self: a #JhLibrarySet
 *
 * Stops what jh_library_set_start_watching() started, and any reading
 * under way.
 */
void
jh_library_set_stop_watching (JhLibrarySet *self)
{
  g_return_if_fail (JH_IS_LIBRARY_SET (self));

  for (guint i = 0; self->monitors != NULL && i < self->monitors->len; i++)
    g_file_monitor_cancel (g_ptr_array_index (self->monitors, i));
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->reload_cancellable != NULL)
    g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
}
