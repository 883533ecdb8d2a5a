/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-window.h"

struct _JhWindow
{
  AdwApplicationWindow  parent_instance;

  JhPlan               *plan;
  GFile                *file;
  GCancellable         *cancellable;
  GHashTable           *marks;
  guint                 refresh_source;
  guint64               change_count;
  gboolean              modified;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkListView          *outline_view;
  GtkTextView          *document_view;
};

G_DEFINE_FINAL_TYPE (JhWindow, jh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (JhWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else
    name = g_strdup (_("Untitled Plan"));

  /* The dot is how GNOME applications mark unsaved changes. */
  title = self->modified ? g_strdup_printf ("• %s", name) : g_strdup (name);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->plan ? jh_plan_get_title (self->plan) : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_modified (JhWindow *self,
              gboolean  modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_error_dialog (JhWindow   *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The document pane: the plan as it reads, headings numbered. */

static void
insert_with_tag (GtkTextBuffer *buffer,
                 GtkTextIter   *iter,
                 const char    *text,
                 const char    *tag)
{
  gtk_text_buffer_insert_with_tags_by_name (buffer, iter, text, -1, tag, NULL);
}

static void
add_mark (JhWindow      *self,
          GtkTextBuffer *buffer,
          GtkTextIter   *iter,
          gpointer       node)
{
  GtkTextMark *mark = gtk_text_buffer_create_mark (buffer, NULL, iter, TRUE);

  g_hash_table_insert (self->marks, node, mark);
}

static void
render_paragraphs (GtkTextBuffer *buffer,
                   GtkTextIter   *iter,
                   GListModel    *paragraphs)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      insert_with_tag (buffer, iter, jh_paragraph_get_text (paragraph), "body");
      gtk_text_buffer_insert (buffer, iter, "\n", 1);
    }
}

static void
render_tasks (JhWindow      *self,
              GtkTextBuffer *buffer,
              GtkTextIter   *iter,
              GListModel    *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *numbering = jh_task_dup_numbering (task);
      g_autofree char *heading = g_strconcat (numbering, jh_task_get_lead (task), NULL);
      g_autoptr(GString) facts = g_string_new (NULL);
      GListModel *targets = jh_task_get_targets (task);
      char level_tag[16];

      g_snprintf (level_tag, sizeof level_tag, "heading%u", MIN (jh_task_get_heading_level (task), 4));

      add_mark (self, buffer, iter, task);
      insert_with_tag (buffer, iter, heading, level_tag);
      gtk_text_buffer_insert (buffer, iter, "\n", 1);

      /* Owner, timing and targets are not printed as such in a plan,
       * but the drafter needs to see them beside the text.
       */
      if (*jh_task_get_owner (task) != '\0')
        g_string_append_printf (facts, _("Owner: %s"), jh_task_get_owner (task));
      if (*jh_task_get_timing (task) != '\0')
        {
          if (facts->len > 0)
            g_string_append (facts, "　·　");
          g_string_append_printf (facts, _("Timing: %s"), jh_task_get_timing (task));
        }
      for (guint j = 0; j < g_list_model_get_n_items (targets); j++)
        {
          g_autoptr(JhTarget) target = g_list_model_get_item (targets, j);
          g_autofree char *text = jh_target_to_string (target);

          if (facts->len > 0)
            g_string_append (facts, "　·　");
          g_string_append (facts, text);
        }
      if (facts->len > 0)
        {
          insert_with_tag (buffer, iter, facts->str, "facts");
          gtk_text_buffer_insert (buffer, iter, "\n", 1);
        }

      render_paragraphs (buffer, iter, jh_task_get_paragraphs (task));
      render_tasks (self, buffer, iter, jh_task_get_subtasks (task));
    }
}

static void
render_document (JhWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->document_view);
  GListModel *sections;
  GtkTextIter iter;
  g_autofree char *signoff_date = NULL;

  g_hash_table_remove_all (self->marks);
  gtk_text_buffer_set_text (buffer, "", 0);

  if (self->plan == NULL)
    return;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  insert_with_tag (buffer, &iter, jh_plan_get_title (self->plan), "title");
  gtk_text_buffer_insert (buffer, &iter, "\n", 1);

  sections = jh_plan_get_sections (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      g_autofree char *numbering = jh_section_dup_numbering (section);

      add_mark (self, buffer, &iter, section);
      if (*jh_section_get_title (section) != '\0')
        {
          g_autofree char *heading = g_strconcat (numbering ? numbering : "",
                                                  jh_section_get_title (section), NULL);

          insert_with_tag (buffer, &iter, heading, "heading1");
          gtk_text_buffer_insert (buffer, &iter, "\n", 1);
        }

      render_paragraphs (buffer, &iter, jh_section_get_paragraphs (section));
      render_tasks (self, buffer, &iter, jh_section_get_tasks (section));
    }

  signoff_date = jh_format_date (jh_plan_get_signoff_date (self->plan));
  if (*jh_plan_get_signoff_organization (self->plan) != '\0' || *signoff_date != '\0')
    {
      gtk_text_buffer_insert (buffer, &iter, "\n", 1);
      insert_with_tag (buffer, &iter, jh_plan_get_signoff_organization (self->plan), "signoff");
      gtk_text_buffer_insert (buffer, &iter, "\n", 1);
      insert_with_tag (buffer, &iter, signoff_date, "signoff");
    }
}

static void
create_tags (JhWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->document_view);

  gtk_text_buffer_create_tag (buffer, "title",
                              "scale", 1.6,
                              "weight", PANGO_WEIGHT_BOLD,
                              "justification", GTK_JUSTIFY_CENTER,
                              "pixels-below-lines", 24,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "heading1",
                              "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 12,
                              "indent", 32,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "heading2",
                              "weight", PANGO_WEIGHT_SEMIBOLD,
                              "indent", 32,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "heading3",
                              "weight", PANGO_WEIGHT_MEDIUM,
                              "indent", 32,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "heading4",
                              "indent", 32,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "body",
                              "indent", 32,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "facts",
                              "scale", 0.8,
                              "foreground", "#3584e4",
                              "indent", 32,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "signoff",
                              "justification", GTK_JUSTIFY_RIGHT,
                              "right-margin", 32,
                              NULL);
}

/* The outline: sections and their tasks as a tree. */

static GListModel *
create_outline_children_cb (gpointer item,
                            gpointer user_data)
{
  GListModel *children = NULL;

  if (JH_IS_SECTION (item))
    children = jh_section_get_tasks (item);
  else if (JH_IS_TASK (item))
    children = jh_task_get_subtasks (item);

  if (children == NULL || g_list_model_get_n_items (children) == 0)
    return NULL;

  return g_object_ref (children);
}

static char *
dup_outline_label (gpointer node)
{
  if (JH_IS_SECTION (node))
    {
      JhSection *section = node;
      g_autofree char *numbering = jh_section_dup_numbering (section);

      if (*jh_section_get_title (section) == '\0')
        return g_strdup (jh_section_get_kind (section) == JH_SECTION_KIND_PREAMBLE
                         ? _("Preamble") : _("Untitled Section"));

      return g_strconcat (numbering ? numbering : "", jh_section_get_title (section), NULL);
    }
  else
    {
      g_autofree char *numbering = jh_task_dup_numbering (node);

      return g_strconcat (numbering, jh_task_get_lead (node), NULL);
    }
}

static void
setup_outline_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_outline_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);
  g_autofree char *text = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);

  /* A row whose item is gone is about to be removed. */
  if (node == NULL)
    return;

  text = dup_outline_label (node);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
rebuild_outline (JhWindow *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  GListModel *root;

  if (self->plan == NULL)
    {
      gtk_list_view_set_model (self->outline_view, NULL);
      return;
    }

  root = g_object_ref (jh_plan_get_sections (self->plan));
  tree = gtk_tree_list_model_new (root, FALSE, TRUE, create_outline_children_cb, NULL, NULL);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (tree)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (selection));
}

static void
outline_activate_cb (GtkListView *list_view,
                     guint        position,
                     JhWindow    *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, position);
  g_autoptr(GObject) node = NULL;
  GtkTextMark *mark;

  if (row == NULL)
    return;

  node = gtk_tree_list_row_get_item (row);
  mark = g_hash_table_lookup (self->marks, node);
  if (mark != NULL)
    gtk_text_view_scroll_to_mark (self->document_view, mark, 0.0, TRUE, 0.0, 0.0);
}

static gboolean
refresh_cb (gpointer user_data)
{
  JhWindow *self = user_data;

  self->refresh_source = 0;
  render_document (self);
  rebuild_outline (self);
  update_title (self);

  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (JhPlan   *plan,
                 JhWindow *self)
{
  self->change_count++;
  set_modified (self, TRUE);

  /* Edits come in bursts; redraw the views once the burst is over. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

/* Files */

static void
set_file (JhWindow *self,
          GFile    *file)
{
  if (g_set_object (&self->file, file))
    {
      update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

static void
load_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JhWindow) self = user_data;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "jh-loading-file");
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = NULL;

  plan = jh_plan_load_from_file_finish (result, &error);
  if (plan == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_dialog (self, _("Could Not Open the File"), error->message);
      return;
    }

  jh_window_set_plan (self, plan, file);
}

/**
 * jh_window_open_file:
 * @self: a #JhWindow
 * @file: a plan file
 *
 * Reads @file in the background and shows it in @self once read.  When
 * it cannot be read, a dialog says why and @self keeps what it had.
 */
void
jh_window_open_file (JhWindow *self,
                     GFile    *file)
{
  g_return_if_fail (JH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_object_set_data_full (G_OBJECT (self), "jh-loading-file",
                          g_object_ref (file), g_object_unref);
  jh_plan_load_from_file_async (file, self->cancellable, load_file_cb, g_object_ref (self));
}

static void
save_to_file_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JhWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  guint64 change_count_at_start = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "change-count"));
  GError *error = NULL;

  if (!jh_plan_save_to_file_finish (result, &error))
    {
      /* The plan in memory stays as it is, marked modified: nothing is
       * lost, and the user can save elsewhere.
       */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_dialog (self, _("Could Not Save the Plan"), error->message);
      g_task_return_error (task, error);
      return;
    }

  set_file (self, file);

  /* Edits made while the file was written are not in it. */
  if (self->change_count == change_count_at_start)
    set_modified (self, FALSE);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Plan saved")));
  g_task_return_boolean (task, TRUE);
}

/**
 * jh_window_save_to_file_async:
 * @self: a #JhWindow
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the plan is saved or the save failed
 * @user_data: data for @callback
 *
 * Saves the plan of @self to @file, which becomes the window's file.  A
 * failure is shown to the user in a dialog and reported to @callback.
 */
void
jh_window_save_to_file_async (JhWindow            *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->plan != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_window_save_to_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "change-count", GSIZE_TO_POINTER (self->change_count));

  jh_plan_save_to_file_async (self->plan, file, cancellable, save_to_file_cb, g_steal_pointer (&task));
}

gboolean
jh_window_save_to_file_finish (JhWindow      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GtkFileFilter *
create_plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Jihua Plans"));
  gtk_file_filter_add_mime_type (filter, JH_PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "jhplan");

  return filter;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  JhWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
      JhWindow *window = self;

      /* A plan the user has worked on is never replaced: open beside it. */
      if (!jh_window_is_pristine (self) && application != NULL)
        window = jh_window_new (application);

      jh_window_open_file (window, file);
      gtk_window_present (GTK_WINDOW (window));
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), create_plan_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     JhWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      jh_window_save_to_file_async (self, file, self->cancellable, NULL, NULL);
    }

  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);
  GtkFileChooserNative *dialog;

  if (self->plan == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Plan As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), create_plan_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  if (self->file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
    }
  else
    {
      /* Suggest the plan's title, which is what staff name files by. */
      const char *title = jh_plan_get_title (self->plan);
      g_autofree char *name = g_strconcat (*title ? title : _("Untitled Plan"),
                                           JH_PLAN_FILE_SUFFIX, NULL);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);

  if (self->plan == NULL)
    return;

  if (self->file == NULL)
    gtk_widget_activate_action (widget, "win.save-as", NULL);
  else
    jh_window_save_to_file_async (self, self->file, self->cancellable, NULL, NULL);
}

/* GObject */

static void
jh_window_dispose (GObject *object)
{
  JhWindow *self = (JhWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_WINDOW);

  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->marks, g_hash_table_unref);

  G_OBJECT_CLASS (jh_window_parent_class)->dispose (object);
}

static void
jh_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JhWindow *self = JH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_window_class_init (JhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_window_dispose;
  object_class->get_property = jh_window_get_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         JH_TYPE_PLAN,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JhWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, document_view);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}

static void
jh_window_init (JhWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->marks = g_hash_table_new (NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_outline_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_outline_row_cb), NULL);
  gtk_list_view_set_factory (self->outline_view, factory);
  g_object_unref (factory);
  g_signal_connect (self->outline_view, "activate", G_CALLBACK (outline_activate_cb), self);

  create_tags (self);
  update_title (self);
}

JhWindow *
jh_window_new (GtkApplication *application)
{
  return g_object_new (JH_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * jh_window_get_plan:
 * @self: a #JhWindow
 *
 * Returns: (transfer none) (nullable): the plan shown in @self
 */
JhPlan *
jh_window_get_plan (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), NULL);

  return self->plan;
}

/**
 * jh_window_get_file:
 * @self: a #JhWindow
 *
 * Returns: (transfer none) (nullable): the file of the plan, %NULL until
 *   it is first saved
 */
GFile *
jh_window_get_file (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
jh_window_get_modified (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), FALSE);

  return self->modified;
}

/**
 * jh_window_is_pristine:
 * @self: a #JhWindow
 *
 * Returns: whether @self shows nothing the user made: no file and no
 *   change, so that opening a file may replace what it shows
 */
gboolean
jh_window_is_pristine (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), FALSE);

  return self->file == NULL && !self->modified;
}

/**
 * jh_window_set_plan:
 * @self: a #JhWindow
 * @plan: the plan to show
 * @file: (nullable): the file @plan was read from
 *
 * Shows @plan, unmodified.
 */
void
jh_window_set_plan (JhWindow *self,
                    JhPlan   *plan,
                    GFile    *file)
{
  g_return_if_fail (JH_IS_WINDOW (self));
  g_return_if_fail (JH_IS_PLAN (plan));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_changed_cb, self);

  g_set_object (&self->plan, plan);
  g_signal_connect (self->plan, "changed", G_CALLBACK (plan_changed_cb), self);

  set_file (self, file);
  set_modified (self, FALSE);
  refresh_cb (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
