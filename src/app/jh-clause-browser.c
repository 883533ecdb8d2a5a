/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-clause-browser.h"
#include "jh-clause-edit-dialog.h"

/**
 * JhClauseBrowser:
 *
 * The clauses of the libraries in use, searched as the user types (by
 * substring, and by similarity for a sentence remembered roughly),
 * filtered by section, status, tag and year, each previewed with its
 * variables filled from the plan.  The user's own clauses can be edited
 * and deleted.  Enter, a double click or Insert puts the clause
 * in the plan through the window's insert function, which keeps the
 * clause's id and version with the text.
 */

/* How much of a query a clause must contain to count as similar. */
#define SIMILARITY_THRESHOLD 0.5

struct _JhClauseBrowser
{
  AdwWindow           parent_instance;

  JhLibrarySet       *libraries;
  JhPlan             *plan;
  GtkCustomFilter    *filter;
  GtkFilterListModel *results;
  GtkSingleSelection *selection;
  GHashTable         *similar;
  char               *search;
  int                 kind;
  int                 status;
  char               *tag;         /* NULL: any */
  guint               year;        /* 0: any */
  gulong              changed_id;
  JhClauseInsertFunc  insert_func;
  gpointer            insert_data;
  GDestroyNotify      insert_destroy;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *tag_dropdown;
  GtkDropDown        *year_dropdown;
  GtkStringList      *tag_items;
  GtkStringList      *year_items;
  GtkListView        *list_view;
  GtkStack           *preview_stack;
  GtkLabel           *title_label;
  GtkLabel           *meta_label;
  GtkLabel           *text_label;
  GtkLabel           *tags_label;
  GtkWidget          *delete_button;
  GtkWidget          *edit_button;
  AdwToastOverlay    *toast_overlay;
};

G_DEFINE_FINAL_TYPE (JhClauseBrowser, jh_clause_browser, ADW_TYPE_WINDOW)

static const char *
status_label (JhClauseStatus status)
{
  switch (status)
    {
    case JH_CLAUSE_STATUS_SUPERSEDED:
      return _("Superseded");
    case JH_CLAUSE_STATUS_HISTORICAL:
      return _("Historical");
    case JH_CLAUSE_STATUS_CURRENT:
    default:
      return _("Current");
    }
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded_haystack = NULL;
  g_autofree char *folded_needle = NULL;

  if (haystack == NULL)
    return FALSE;

  folded_haystack = g_utf8_casefold (haystack, -1);
  folded_needle = g_utf8_casefold (needle, -1);

  return strstr (folded_haystack, folded_needle) != NULL;
}

/* The year a clause is from: its own, or that of the document it was
 * taken from.
 */
static guint
clause_year (JhClause *clause)
{
  return jh_clause_get_year (clause) > 0 ? jh_clause_get_year (clause) : jh_clause_get_source_year (clause);
}

static gboolean
has_tag (JhClause   *clause,
         const char *tag)
{
  const char * const *tags = jh_clause_get_tags (clause);

  return tags != NULL && g_strv_contains (tags, tag);
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  JhClauseBrowser *self = user_data;
  JhClause *clause = item;
  const char * const *tags;

  if (self->kind >= 0 && !jh_clause_has_kind (clause, self->kind))
    return FALSE;
  if (self->status >= 0 && (int) jh_clause_get_status (clause) != self->status)
    return FALSE;
  if (self->tag != NULL && !has_tag (clause, self->tag))
    return FALSE;
  if (self->year > 0 && clause_year (clause) != self->year)
    return FALSE;
  if (self->search == NULL || *self->search == '\0')
    return TRUE;

  if (contains (jh_clause_get_title (clause), self->search) ||
      contains (jh_clause_get_text (clause), self->search) ||
      contains (jh_clause_get_id (clause), self->search))
    return TRUE;

  tags = jh_clause_get_tags (clause);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (contains (tags[i], self->search))
      return TRUE;

  return g_hash_table_contains (self->similar, clause);
}

static char *
dup_meta (JhClause *clause)
{
  GString *meta = g_string_new (NULL);
  guint n_kinds = 0;
  const JhSectionKind *kinds = jh_clause_get_kinds (clause, &n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      if (i > 0)
        g_string_append (meta, "、");
      g_string_append (meta, jh_section_kind_get_label (kinds[i]));
    }
  if (clause_year (clause) > 0)
    g_string_append_printf (meta, meta->len > 0 ? " · %u" : "%u", clause_year (clause));
  if (jh_clause_get_status (clause) != JH_CLAUSE_STATUS_CURRENT)
    g_string_append_printf (meta, meta->len > 0 ? " · %s" : "%s", status_label (jh_clause_get_status (clause)));

  return g_string_free (meta, FALSE);
}

static gboolean
is_mine (JhClauseBrowser *self,
         JhClause        *clause)
{
  return self->libraries != NULL &&
         jh_clause_get_library (clause) != NULL &&
         jh_clause_get_library (clause) == jh_library_set_get_user_library (self->libraries);
}

static void
update_preview (JhClauseBrowser *self)
{
  JhClause *clause = jh_clause_browser_get_selected (self);
  g_autofree char *meta = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *full_meta = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.insert", clause != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.insert-task", clause != NULL);

  if (clause == NULL)
    {
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      return;
    }

  meta = dup_meta (clause);
  full_meta = g_strdup_printf ("%s · v%u%s%s", jh_clause_get_id (clause), jh_clause_get_version (clause),
                               *meta ? " · " : "", meta);
  text = jh_clause_expand (clause, self->plan);
  if (jh_clause_get_tags (clause) != NULL)
    tags = g_strjoinv ("  ·  ", (char **) jh_clause_get_tags (clause));

  gtk_label_set_text (self->title_label, jh_clause_get_title (clause));
  gtk_label_set_text (self->meta_label, full_meta);
  gtk_label_set_text (self->text_label, text);
  gtk_label_set_text (self->tags_label, tags ? tags : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tags_label), tags != NULL && *tags != '\0');
  /* The user's own clauses, and only those, may be edited and deleted. */
  gtk_widget_set_visible (self->delete_button, is_mine (self, clause));
  gtk_widget_set_visible (self->edit_button, is_mine (self, clause));
  gtk_stack_set_visible_child_name (self->preview_stack, "clause");
}

static void
refilter (JhClauseBrowser *self)
{
  g_hash_table_remove_all (self->similar);

  if (self->libraries != NULL && self->search != NULL && g_utf8_strlen (self->search, -1) >= 4)
    {
      g_autoptr(GArray) found = jh_library_set_find_similar (self->libraries, self->search, SIMILARITY_THRESHOLD);

      for (guint i = 0; found != NULL && i < found->len; i++)
        g_hash_table_add (self->similar, g_array_index (found, JhClauseIndexMatch, i).item);
    }

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0 &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  update_preview (self);
}

static void
search_changed_cb (GtkSearchEntry  *entry,
                   JhClauseBrowser *self)
{
  jh_clause_browser_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
kind_selected_cb (GtkDropDown     *dropdown,
                  GParamSpec      *pspec,
                  JhClauseBrowser *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  self->kind = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  refilter (self);
}

static void
status_selected_cb (GtkDropDown     *dropdown,
                    GParamSpec      *pspec,
                    JhClauseBrowser *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  self->status = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  refilter (self);
}

static void
tag_selected_cb (GtkDropDown     *dropdown,
                 GParamSpec      *pspec,
                 JhClauseBrowser *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  g_clear_pointer (&self->tag, g_free);
  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    self->tag = g_strdup (gtk_string_list_get_string (self->tag_items, selected));
  refilter (self);
}

static void
year_selected_cb (GtkDropDown     *dropdown,
                  GParamSpec      *pspec,
                  JhClauseBrowser *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint64 year = 0;

  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    g_ascii_string_to_unsigned (gtk_string_list_get_string (self->year_items, selected), 10, 0, G_MAXUINT, &year, NULL);
  self->year = year;
  refilter (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static int
compare_years_newest_first (gconstpointer a,
                            gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gpointer *) a);
  guint y = GPOINTER_TO_UINT (*(gpointer *) b);

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Fills @items with @first and then @values, keeping @dropdown on the
 * value it showed, or on @first when that value is gone.
 */
static void
fill_dropdown (GtkDropDown   *dropdown,
               GtkStringList *items,
               const char    *first,
               GPtrArray     *values,
               const char    *current,
               GCallback      callback,
               gpointer       user_data)
{
  guint selected = 0;

  g_signal_handlers_block_by_func (dropdown, callback, user_data);
  gtk_string_list_splice (items, 0, g_list_model_get_n_items (G_LIST_MODEL (items)), NULL);
  gtk_string_list_append (items, first);
  for (guint i = 0; i < values->len; i++)
    {
      gtk_string_list_append (items, g_ptr_array_index (values, i));
      if (current != NULL && g_str_equal (current, g_ptr_array_index (values, i)))
        selected = i + 1;
    }
  gtk_drop_down_set_selected (dropdown, selected);
  g_signal_handlers_unblock_by_func (dropdown, callback, user_data);
}

static GPtrArray *
dup_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);

  return keys;
}

/* The tags and years the clauses have, for the filters. */
static void
update_filter_choices (JhClauseBrowser *self)
{
  GListModel *clauses = jh_library_set_get_clauses (self->libraries);
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) tag_values = NULL;
  g_autoptr(GPtrArray) year_values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current_year = self->year > 0 ? g_strdup_printf ("%u", self->year) : NULL;
  g_autofree char *current_tag = g_strdup (self->tag);

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);
      const char * const *clause_tags = jh_clause_get_tags (clause);

      for (guint j = 0; clause_tags != NULL && clause_tags[j] != NULL; j++)
        g_hash_table_add (tags, (gpointer) clause_tags[j]);
      if (clause_year (clause) > 0)
        g_hash_table_add (years, GUINT_TO_POINTER (clause_year (clause)));
    }

  tag_values = dup_keys (tags);
  g_ptr_array_sort (tag_values, compare_strings);
  {
    g_autoptr(GPtrArray) numbers = dup_keys (years);

    g_ptr_array_sort (numbers, compare_years_newest_first);
    for (guint i = 0; i < numbers->len; i++)
      g_ptr_array_add (year_values, g_strdup_printf ("%u", GPOINTER_TO_UINT (g_ptr_array_index (numbers, i))));
  }

  /* The strings of the tags are the clauses': copied into the list now. */
  fill_dropdown (self->tag_dropdown, self->tag_items, _("All Tags"), tag_values,
                 current_tag, G_CALLBACK (tag_selected_cb), self);
  fill_dropdown (self->year_dropdown, self->year_items, _("All Years"), year_values,
                 current_year, G_CALLBACK (year_selected_cb), self);

  /* A tag or year no clause has any more shows everything. */
  if (current_tag != NULL && gtk_drop_down_get_selected (self->tag_dropdown) == 0)
    g_clear_pointer (&self->tag, g_free);
  if (current_year != NULL && gtk_drop_down_get_selected (self->year_dropdown) == 0)
    self->year = 0;
}

static void
libraries_changed_cb (JhLibrarySet    *libraries,
                      JhClauseBrowser *self)
{
  update_filter_choices (self);
  refilter (self);
}

static void
insert (JhClauseBrowser *self,
        gboolean         as_task)
{
  JhClause *clause = jh_clause_browser_get_selected (self);

  if (clause == NULL || self->insert_func == NULL)
    return;

  if (self->insert_func (clause, as_task, self->insert_data))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” inserted"), jh_clause_get_title (clause));

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
insert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  insert (JH_CLAUSE_BROWSER (widget), g_str_equal (action_name, "browser.insert-task"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JhClauseBrowser *self = JH_CLAUSE_BROWSER (widget);
  JhClause *selected = jh_clause_browser_get_selected (self);
  g_autoptr(JhClause) clause = selected ? g_object_ref (selected) : NULL;
  JhLibrary *library = self->libraries ? jh_library_set_get_user_library (self->libraries) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (clause == NULL || library == NULL || jh_clause_get_library (clause) != library)
    return;

  if (!jh_library_remove_clause (library, jh_clause_get_id (clause)) ||
      !jh_library_save (library, NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (error ? error->message : _("The clause could not be deleted")));
      return;
    }

  message = g_strdup_printf (_("“%s” deleted from My Clauses"), jh_clause_get_title (clause));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  refilter (self);
}

static void
select_clause (JhClauseBrowser *self,
               const char      *id)
{
  GListModel *results = G_LIST_MODEL (self->results);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (results, i);

      if (g_str_equal (jh_clause_get_id (clause), id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
edited_cb (JhClauseEditDialog *dialog,
           JhClause           *revision,
           JhClauseBrowser    *self)
{
  JhLibrary *library = self->libraries ? jh_library_set_get_user_library (self->libraries) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (library == NULL || !jh_library_replace_clause (library, revision))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The clause is no longer in My Clauses")));
      return;
    }

  /* The library keeps the edit even when the file cannot be written: it
   * is saved with the next change, and the user is told.
   */
  if (!jh_library_save (library, NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  /* The list has followed the library already (libraries_changed_cb). */
  select_clause (self, jh_clause_get_id (revision));
  message = g_strdup_printf (_("“%s” saved in My Clauses"), jh_clause_get_title (revision));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JhClauseBrowser *self = JH_CLAUSE_BROWSER (widget);
  JhClause *clause = jh_clause_browser_get_selected (self);
  JhClauseEditDialog *dialog;

  if (clause == NULL || !is_mine (self, clause))
    return;

  dialog = jh_clause_edit_dialog_new (GTK_WINDOW (self), clause);
  g_signal_connect_object (dialog, "save", G_CALLBACK (edited_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
list_activated_cb (GtkListView     *list_view,
                   guint            position,
                   JhClauseBrowser *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  insert (self, FALSE);
}

/* Enter in the search entry inserts the clause it found first. */
static void
search_activated_cb (GtkSearchEntry  *entry,
                     JhClauseBrowser *self)
{
  insert (self, FALSE);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      JhClauseBrowser    *self)
{
  update_preview (self);
}

/* A clause can be dragged into a body; it keeps its id and version. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  JhClause *clause = gtk_list_item_get_item (item);

  if (clause == NULL)
    return NULL;

  return gdk_content_provider_new_typed (JH_TYPE_CLAUSE, clause);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_item_set_child (item, box);

  {
    GtkDragSource *source = gtk_drag_source_new ();

    gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
    g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), item);
    gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  }
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  JhClause *clause = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  g_autofree char *meta_text = dup_meta (clause);

  gtk_label_set_text (GTK_LABEL (title), jh_clause_get_title (clause));
  gtk_label_set_text (GTK_LABEL (meta), meta_text);
}

static void
jh_clause_browser_dispose (GObject *object)
{
  JhClauseBrowser *self = (JhClauseBrowser *) object;

  if (self->insert_destroy != NULL)
    g_clear_pointer (&self->insert_data, self->insert_destroy);
  self->insert_func = NULL;

  G_OBJECT_CLASS (jh_clause_browser_parent_class)->dispose (object);
}

static void
jh_clause_browser_finalize (GObject *object)
{
  JhClauseBrowser *self = (JhClauseBrowser *) object;

  g_clear_object (&self->results);
  g_clear_object (&self->selection);
  if (self->libraries != NULL)
    g_clear_signal_handler (&self->changed_id, self->libraries);
  g_clear_object (&self->libraries);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->similar, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (jh_clause_browser_parent_class)->finalize (object);
}

static void
jh_clause_browser_class_init (JhClauseBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_clause_browser_dispose;
  object_class->finalize = jh_clause_browser_finalize;

  gtk_widget_class_install_action (widget_class, "browser.insert", NULL, insert_action);
  gtk_widget_class_install_action (widget_class, "browser.insert-task", NULL, insert_action);
  gtk_widget_class_install_action (widget_class, "browser.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "browser.edit", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
new_label (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

static GtkWidget *
build_dropdown (const char * const *items,
                const char         *name)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  gtk_widget_set_tooltip_text (dropdown, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return dropdown;
}

static void
jh_clause_browser_init (JhClauseBrowser *self)
{
  g_autoptr(GStrvBuilder) kinds = NULL;
  g_auto(GStrv) kind_items = NULL;
  const char *status_items[] = { _("Any Status"), _("Current"), _("Superseded"), _("Historical"), NULL };
  g_autoptr(GtkExpression) tag_expression = NULL;
  GtkListItemFactory *factory;
  GtkWidget *box, *header, *filters, *paned, *scrolled, *preview, *clause_box, *buttons, *button, *empty;

  self->kind = -1;
  self->status = -1;
  self->similar = g_hash_table_new (NULL, NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Clause Library"));
  gtk_window_set_default_size (GTK_WINDOW (self), 920, 620);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->search_entry), 300, -1);
  g_object_set (self->search_entry, "placeholder-text", _("Search Clauses"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Clauses"), -1);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), header);

  /* Filters: the section kinds and the statuses. */
  kinds = g_strv_builder_new ();
  g_strv_builder_add (kinds, _("All Sections"));
  for (int kind = JH_SECTION_KIND_PREAMBLE; kind <= JH_SECTION_KIND_OTHER; kind++)
    g_strv_builder_add (kinds, jh_section_kind_get_label (kind));
  kind_items = g_strv_builder_end (kinds);

  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->kind_dropdown = GTK_DROP_DOWN (build_dropdown ((const char * const *) kind_items, _("Section")));
  self->status_dropdown = GTK_DROP_DOWN (build_dropdown (status_items, _("Status")));
  self->tag_items = gtk_string_list_new ((const char * const []) { _("All Tags"), NULL });
  self->tag_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->tag_items), NULL));
  /* A large library has many tags: typing finds one. */
  tag_expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->tag_dropdown, tag_expression);
  gtk_drop_down_set_enable_search (self->tag_dropdown, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tag_dropdown), _("Tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tag_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag"), -1);
  self->year_items = gtk_string_list_new ((const char * const []) { _("All Years"), NULL });
  self->year_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->year_items), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_dropdown), _("Year"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->kind_dropdown));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->status_dropdown));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->tag_dropdown));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->year_dropdown));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), filters);

  /* The clauses on the left, the one chosen on the right. */
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), 340);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);

  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->results = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clauses"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activated_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_size_request (scrolled, 260, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);

  self->preview_stack = GTK_STACK (gtk_stack_new ());
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Clause Found"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Try other words, or other filters."));
  gtk_stack_add_named (self->preview_stack, empty, "empty");

  preview = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clause_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (clause_box, 24);
  gtk_widget_set_margin_bottom (clause_box, 24);
  gtk_widget_set_margin_start (clause_box, 24);
  gtk_widget_set_margin_end (clause_box, 24);
  self->title_label = GTK_LABEL (new_label ("title-3"));
  self->meta_label = GTK_LABEL (new_label ("dim-label"));
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "caption");
  self->text_label = GTK_LABEL (new_label ("body-text"));
  gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "clause-preview");
  self->tags_label = GTK_LABEL (new_label ("caption"));
  gtk_box_append (GTK_BOX (clause_box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (clause_box), GTK_WIDGET (self->meta_label));
  gtk_box_append (GTK_BOX (clause_box), GTK_WIDGET (self->text_label));
  gtk_box_append (GTK_BOX (clause_box), GTK_WIDGET (self->tags_label));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clause_box);
  gtk_box_append (GTK_BOX (preview), scrolled);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "browser.delete");
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  gtk_box_append (GTK_BOX (buttons), self->delete_button);
  self->edit_button = gtk_button_new_with_mnemonic (_("_Edit…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "browser.edit");
  gtk_box_append (GTK_BOX (buttons), self->edit_button);
  button = gtk_button_new_with_mnemonic (_("Insert as New _Task"));
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "browser.insert-task");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Insert"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "browser.insert");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (preview), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (preview), buttons);
  gtk_stack_add_named (self->preview_stack, preview, "clause");

  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->preview_stack));
  gtk_box_append (GTK_BOX (box), paned);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activated_cb), self);
  g_signal_connect (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect (self->status_dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect (self->tag_dropdown, "notify::selected", G_CALLBACK (tag_selected_cb), self);
  g_signal_connect (self->year_dropdown, "notify::selected", G_CALLBACK (year_selected_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  update_preview (self);
}

/**
 * jh_clause_browser_new:
 * @parent: (nullable): the window of the plan
 * @libraries: the libraries to browse
 * @plan: (nullable): the plan whose organization and year fill the
 *   clauses' variables
 *
 * Returns: (transfer full): a new browser
 */
JhClauseBrowser *
jh_clause_browser_new (GtkWindow    *parent,
                       JhLibrarySet *libraries,
                       JhPlan       *plan)
{
  JhClauseBrowser *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JH_IS_LIBRARY_SET (libraries), NULL);
  g_return_val_if_fail (plan == NULL || JH_IS_PLAN (plan), NULL);

  self = g_object_new (JH_TYPE_CLAUSE_BROWSER,
                       "transient-for", parent,
                       NULL);
  self->libraries = g_object_ref (libraries);
  self->plan = plan ? g_object_ref (plan) : NULL;
  gtk_filter_list_model_set_model (self->results, jh_library_set_get_clauses (libraries));
  self->changed_id = g_signal_connect (libraries, "changed", G_CALLBACK (libraries_changed_cb), self);
  update_filter_choices (self);
  refilter (self);

  return self;
}

/**
 * jh_clause_browser_set_insert_func:
 * @self: a #JhClauseBrowser
 * @func: (nullable): what puts a clause in the plan
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
jh_clause_browser_set_insert_func (JhClauseBrowser    *self,
                                   JhClauseInsertFunc  func,
                                   gpointer            user_data,
                                   GDestroyNotify      destroy)
{
  g_return_if_fail (JH_IS_CLAUSE_BROWSER (self));

  if (self->insert_destroy != NULL)
    g_clear_pointer (&self->insert_data, self->insert_destroy);

  self->insert_func = func;
  self->insert_data = user_data;
  self->insert_destroy = destroy;
}

void
jh_clause_browser_set_search (JhClauseBrowser *self,
                              const char      *text)
{
  g_return_if_fail (JH_IS_CLAUSE_BROWSER (self));

  if (g_strcmp0 (self->search, text) == 0)
    return;

  g_free (self->search);
  self->search = g_strstrip (g_strdup (text ? text : ""));
  /* Setting the text empties the entry first, which it reports at once. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
    }
  refilter (self);
}

/**
 * jh_clause_browser_set_kind:
 * @self: a #JhClauseBrowser
 * @kind: a #JhSectionKind, or -1 for clauses of any section
 */
void
jh_clause_browser_set_kind (JhClauseBrowser *self,
                            int              kind)
{
  g_return_if_fail (JH_IS_CLAUSE_BROWSER (self));
  g_return_if_fail (kind >= -1 && kind <= JH_SECTION_KIND_OTHER);

  gtk_drop_down_set_selected (self->kind_dropdown, kind + 1);
}

/**
 * jh_clause_browser_set_status:
 * @self: a #JhClauseBrowser
 * @status: a #JhClauseStatus, or -1 for clauses of any status
 */
void
jh_clause_browser_set_status (JhClauseBrowser *self,
                              int              status)
{
  g_return_if_fail (JH_IS_CLAUSE_BROWSER (self));
  g_return_if_fail (status >= -1 && status <= JH_CLAUSE_STATUS_HISTORICAL);

  gtk_drop_down_set_selected (self->status_dropdown, status + 1);
}

/**
 * jh_clause_browser_set_tag:
 * @self: a #JhClauseBrowser
 * @tag: (nullable): a tag some clause has, or %NULL for any
 */
void
jh_clause_browser_set_tag (JhClauseBrowser *self,
                           const char      *tag)
{
  guint position = 0;

  g_return_if_fail (JH_IS_CLAUSE_BROWSER (self));

  for (guint i = 1; tag != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->tag_items)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->tag_items, i), tag))
      position = i;
  gtk_drop_down_set_selected (self->tag_dropdown, position);
}

/**
 * jh_clause_browser_set_year:
 * @self: a #JhClauseBrowser
 * @year: a year some clause is from, or 0 for any
 */
void
jh_clause_browser_set_year (JhClauseBrowser *self,
                            guint            year)
{
  g_autofree char *wanted = g_strdup_printf ("%u", year);
  guint position = 0;

  g_return_if_fail (JH_IS_CLAUSE_BROWSER (self));

  for (guint i = 1; year > 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->year_items)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->year_items, i), wanted))
      position = i;
  gtk_drop_down_set_selected (self->year_dropdown, position);
}

/**
 * jh_clause_browser_get_tags:
 * @self: a #JhClauseBrowser
 *
 * Returns: (transfer none): the choices of the tag filter, "All Tags"
 *   first
 */
GListModel *
jh_clause_browser_get_tags (JhClauseBrowser *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE_BROWSER (self), NULL);

  return G_LIST_MODEL (self->tag_items);
}

/**
 * jh_clause_browser_get_years:
 * @self: a #JhClauseBrowser
 *
 * Returns: (transfer none): the choices of the year filter, "All Years"
 *   first, then the newest year
 */
GListModel *
jh_clause_browser_get_years (JhClauseBrowser *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE_BROWSER (self), NULL);

  return G_LIST_MODEL (self->year_items);
}

/**
 * jh_clause_browser_get_results:
 * @self: a #JhClauseBrowser
 *
 * Returns: (transfer none): the clauses the search and filters let
 *   through
 */
GListModel *
jh_clause_browser_get_results (JhClauseBrowser *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE_BROWSER (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * jh_clause_browser_get_selected:
 * @self: a #JhClauseBrowser
 *
 * Returns: (transfer none) (nullable): the clause previewed
 */
JhClause *
jh_clause_browser_get_selected (JhClauseBrowser *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE_BROWSER (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
jh_clause_browser_select (JhClauseBrowser *self,
                          guint            position)
{
  g_return_if_fail (JH_IS_CLAUSE_BROWSER (self));

  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * jh_clause_browser_dup_preview:
 * @self: a #JhClauseBrowser
 *
 * Returns: (transfer full): the text of the clause previewed, as it
 *   would be inserted
 */
char *
jh_clause_browser_dup_preview (JhClauseBrowser *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE_BROWSER (self), NULL);

  return g_strdup (gtk_label_get_text (self->text_label));
}
