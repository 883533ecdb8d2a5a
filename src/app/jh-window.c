/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-application.h"
#include "jh-body-editor.h"
#include "jh-checks-pane.h"
#include "jh-export-dialog.h"
#include "jh-export-settings.h"
#include "jh-plan-view.h"
#include "jh-print.h"
#include "jh-print-preview.h"
#include "jh-timeline-view.h"
#include "jh-compare-view.h"
#include "jh-window.h"
#include "jh-window-clauses.h"
#include "jh-window-import.h"

/**
 * JhWindow:
 *
 * A window holds one plan: edited in a #JhPlanView, read as a document,
 * saved to its file.  It keeps one undo history for the plan, writes a
 * draft a few seconds after each change so that a crash costs no more
 * than those seconds, asks before closing with unsaved changes, and
 * notices when another program changes the file.
 */

struct _JhWindow
{
  AdwApplicationWindow  parent_instance;

  JhPlan               *plan;
  GFile                *file;
  JhHistory            *history;
  JhDrafts             *drafts;
  char                 *draft_id;
  GCancellable         *cancellable;
  GFileMonitor         *monitor;
  GHashTable           *marks;
  guint                 refresh_source;
  guint                 autosave_source;
  guint                 autosave_delay;
  guint64               change_count;
  guint64               schedule_change_count;
  guint64               disk_mtime;
  gboolean              modified;
  gboolean              close_after_save;
  gboolean              schedule_stale;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  JhPlanView           *plan_view;
  GtkTextView          *document_view;
  JhTimelineView       *timeline_view;
  JhCompareView        *compare_view;
  GtkLabel             *timeline_span_label;
  GtkDropDown          *zoom_dropdown;
  GtkRevealer          *changed_on_disk_revealer;
  GMenu                *recent_section;
  GtkMenuButton        *primary_menu_button;
  GtkToggleButton      *checks_button;
  GtkImage             *checks_icon;
  GtkLabel             *checks_label;
  JhChecksPane         *checks_pane;
};

G_DEFINE_FINAL_TYPE (JhWindow, jh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_DRAFTS,
  PROP_AUTOSAVE_DELAY,
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

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
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

/* The timeline pane */

static void
update_timeline_span (JhWindow *self)
{
  g_autofree char *label = jh_timeline_view_dup_span_label (self->timeline_view);
  JhTimelineZoom zoom = jh_timeline_view_get_zoom (self->timeline_view);
  guint period = jh_timeline_view_get_period (self->timeline_view);
  guint n_periods = zoom == JH_TIMELINE_ZOOM_QUARTER ? 4 : zoom == JH_TIMELINE_ZOOM_HALF ? 2 : 1;

  gtk_label_set_label (self->timeline_span_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timeline-previous", period > 1 && n_periods > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timeline-next", period < n_periods);
}

static gboolean
timeline_is_visible (JhWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "timeline") == 0;
}

/* A schedule parses every timing and reads every paragraph: it is
 * computed when the timeline is in sight, not at each keystroke in the
 * editor.
 */
static void
update_timeline (JhWindow *self)
{
  g_autoptr(JhSchedule) schedule = NULL;
  JhSchedule *shown = jh_timeline_view_get_schedule (self->timeline_view);

  self->schedule_stale = TRUE;

  /* After a drag the timeline computed its schedule itself, after the
   * change: the plan has not changed since.
   */
  if (self->plan != NULL && shown != NULL && jh_schedule_get_plan (shown) == self->plan &&
      self->schedule_change_count == self->change_count)
    {
      self->schedule_stale = FALSE;
      update_timeline_span (self);
      return;
    }

  if (self->plan != NULL && timeline_is_visible (self))
    {
      schedule = jh_schedule_new (self->plan);
      self->schedule_stale = FALSE;
    }
  else if (shown != NULL && jh_schedule_get_plan (shown) == self->plan)
    {
      /* Out of sight, the old schedule may stay a while; another plan's
       * may not, as it would keep that plan alive.
       */
      return;
    }

  jh_timeline_view_set_schedule (self->timeline_view, schedule);
  update_timeline_span (self);
}

static void
visible_page_changed_cb (AdwViewStack *stack,
                         GParamSpec   *pspec,
                         JhWindow     *self)
{
  if (self->schedule_stale && timeline_is_visible (self))
    update_timeline (self);
}

/* A schedule is computed from the plan as it is when it is set, by the
 * window or by the timeline after an edit of its own.
 */
static void
timeline_schedule_changed_cb (JhTimelineView *view,
                              GParamSpec     *pspec,
                              JhWindow       *self)
{
  self->schedule_change_count = self->change_count;
}

static void
timeline_changed_cb (JhTimelineView *view,
                     GParamSpec     *pspec,
                     JhWindow       *self)
{
  update_timeline_span (self);
}

/* A click on the timeline shows the task in the outline and in the
 * document, without leaving the timeline.
 */
static void
timeline_task_activated_cb (JhTimelineView *view,
                            JhTask         *task,
                            JhWindow       *self)
{
  GtkTextMark *mark = g_hash_table_lookup (self->marks, task);

  jh_outline_select (jh_plan_view_get_outline (self->plan_view), JH_NODE (task));
  if (mark != NULL)
    gtk_text_view_scroll_to_mark (self->document_view, mark, 0.0, TRUE, 0.0, 0.0);
}

/* A task chosen in the comparison is opened in the editor. */
static void
compare_task_activated_cb (JhCompareView *view,
                           JhTask        *task,
                           JhWindow      *self)
{
  jh_outline_select (jh_plan_view_get_outline (self->plan_view), JH_NODE (task));
  adw_view_stack_set_visible_child_name (self->view_stack, "edit");
}

static void
outline_selected_cb (JhOutline  *outline,
                     GParamSpec *pspec,
                     JhWindow   *self)
{
  JhNode *node = jh_outline_get_selected (outline);

  if (!JH_IS_TASK (node))
    return;

  jh_timeline_view_set_selected_task (self->timeline_view, JH_TASK (node));
  jh_timeline_view_scroll_to_task (self->timeline_view, JH_TASK (node));
}

static gboolean
zoom_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_enum (from));

  return TRUE;
}

/* The drop-down lists the zooms in the order of their values. */
static gboolean
selected_to_zoom (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected > JH_TIMELINE_ZOOM_QUARTER)
    return FALSE;

  g_value_set_enum (to, selected);
  return TRUE;
}

static void
timeline_period_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);
  guint period = jh_timeline_view_get_period (self->timeline_view);

  if (g_str_equal (action_name, "win.timeline-previous"))
    period = MAX (period, 2) - 1;
  else
    period = MIN (period + 1, 4);

  jh_timeline_view_set_period (self->timeline_view, period);
}

static void
timeline_exported_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(JhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!jh_timeline_export_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_dialog (self, _("Could Not Export the Timeline"), error->message);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Timeline exported")));
}

static void
export_timeline_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             JhWindow        *self)
{
  JhTimelineFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "jh-format"));

  if (response == GTK_RESPONSE_ACCEPT && self->plan != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(JhSchedule) schedule = jh_schedule_new (self->plan);

      jh_timeline_export_async (schedule, format, file, self->cancellable,
                                timeline_exported_cb, g_object_ref (self));
    }

  g_object_unref (dialog);
}

static void
export_timeline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);
  g_autoptr(GEnumClass) formats = g_type_class_ref (JH_TYPE_TIMELINE_FORMAT);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GEnumValue *value = g_enum_get_value_by_nick (formats, g_variant_get_string (parameter, NULL));
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  const char *title;

  if (self->plan == NULL || value == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export the Timeline"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "jh-format", GINT_TO_POINTER (value->value));

  gtk_file_filter_add_mime_type (filter, jh_timeline_format_get_mime_type (value->value));
  gtk_file_filter_set_name (filter, value->value == JH_TIMELINE_FORMAT_PDF ? _("PDF Documents")
                                  : value->value == JH_TIMELINE_FORMAT_PNG ? _("PNG Images")
                                  : _("SVG Drawings"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  /* Named after the plan, as staff name their files. */
  title = jh_plan_get_title (self->plan);
  name = g_strdup_printf (_("%s Timeline%s"), *title ? title : _("Untitled Plan"),
                          jh_timeline_format_get_suffix (value->value));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect (dialog, "response", G_CALLBACK (export_timeline_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Checks */

static void
update_checks_button (JhWindow *self)
{
  guint errors, warnings;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;

  g_object_get (self->checks_pane, "n-errors", &errors, "n-warnings", &warnings, NULL);

  /* Until the libraries are in, nothing is known either way. */
  if (jh_checks_pane_get_report (self->checks_pane) == NULL)
    gtk_image_set_from_icon_name (self->checks_icon, "content-loading-symbolic");
  else if (errors > 0)
    gtk_image_set_from_icon_name (self->checks_icon, "dialog-error-symbolic");
  else if (warnings > 0)
    gtk_image_set_from_icon_name (self->checks_icon, "dialog-warning-symbolic");
  else
    gtk_image_set_from_icon_name (self->checks_icon, "emblem-ok-symbolic");

  if (errors + warnings > 0)
    count = g_strdup_printf ("%u", errors + warnings);
  gtk_label_set_text (self->checks_label, count ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->checks_label), count != NULL);

  tooltip = g_strdup_printf (_("Checks: %u errors, %u warnings (F7)"), errors, warnings);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->checks_button), tooltip);
}

static void
checks_count_changed_cb (JhChecksPane *pane,
                         GParamSpec   *pspec,
                         JhWindow     *self)
{
  update_checks_button (self);
}

/**
 * jh_window_find_body_editor:
 * @widget: a widget
 * @node: a section or a task
 *
 * Returns: (transfer none) (nullable): the body editor shown in @widget
 *   for @node
 */
JhBodyEditor *
jh_window_find_body_editor (GtkWidget *widget,
                            JhNode    *node)
{
  if (JH_IS_BODY_EDITOR (widget) && jh_body_editor_get_node (JH_BODY_EDITOR (widget)) == node &&
      gtk_widget_get_mapped (widget))
    return JH_BODY_EDITOR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JhBodyEditor *found = jh_window_find_body_editor (child, node);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Shows the text a finding is about: its task or section in the editor,
 * a flagged paragraph's text selected.
 */
static void
finding_activated_cb (JhChecksPane *pane,
                      JhFinding    *finding,
                      JhWindow     *self)
{
  JhNode *node = JH_NODE (jh_finding_get_task (finding));
  JhNode *flagged = jh_finding_get_node (finding);
  JhBodyEditor *editor;

  if (node == NULL)
    node = JH_NODE (jh_finding_get_section (finding));
  if (node == NULL)
    node = JH_NODE (self->plan);

  adw_view_stack_set_visible_child_name (self->view_stack, "edit");
  jh_outline_select (jh_plan_view_get_outline (self->plan_view), node);

  if (!JH_IS_PARAGRAPH (flagged))
    return;

  editor = jh_window_find_body_editor (GTK_WIDGET (self->plan_view), jh_node_get_parent (flagged));
  if (editor != NULL)
    jh_body_editor_select_text (editor, JH_PARAGRAPH (flagged),
                                jh_finding_get_char_offset (finding),
                                jh_finding_get_char_length (finding));
}

/* The editors of bodies check as the user types, with the pane's
 * checker (the same rules turned off).
 */
static void
set_body_checkers (GtkWidget *widget,
                   JhChecker *checker)
{
  if (JH_IS_BODY_EDITOR (widget))
    jh_body_editor_set_checker (JH_BODY_EDITOR (widget), checker);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_body_checkers (child, checker);
}

static void
libraries_loaded_cb (JhApplication *application,
                     GParamSpec    *pspec,
                     JhWindow      *self)
{
  jh_checks_pane_set_libraries (self->checks_pane, jh_application_get_libraries (application));
  set_body_checkers (GTK_WIDGET (self->plan_view), jh_checks_pane_get_checker (self->checks_pane));
}

/* The application loads the libraries once for all its windows. */
static void
application_set_cb (JhWindow   *self,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!JH_IS_APPLICATION (application))
    return;

  jh_checks_pane_set_settings (self->checks_pane, jh_application_get_settings (JH_APPLICATION (application)));
  g_signal_connect_object (application, "notify::libraries", G_CALLBACK (libraries_loaded_cb), self, 0);
  if (jh_application_get_libraries (JH_APPLICATION (application)) != NULL)
    libraries_loaded_cb (JH_APPLICATION (application), NULL, self);
}

/* The pane sits beside the pages, so it stays while the user switches
 * between editing and reading.
 */
static void
add_checks_pane (JhWindow *self)
{
  GtkWidget *flap = adw_flap_new ();
  g_autoptr(GtkWidget) stack = g_object_ref (GTK_WIDGET (self->view_stack));

  self->checks_pane = JH_CHECKS_PANE (jh_checks_pane_new ());
  adw_toast_overlay_set_child (self->toast_overlay, NULL);
  adw_flap_set_content (ADW_FLAP (flap), stack);
  adw_flap_set_flap (ADW_FLAP (flap), GTK_WIDGET (self->checks_pane));
  adw_flap_set_separator (ADW_FLAP (flap), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_flap_set_flap_position (ADW_FLAP (flap), GTK_PACK_END);
  adw_flap_set_fold_policy (ADW_FLAP (flap), ADW_FLAP_FOLD_POLICY_NEVER);
  adw_flap_set_swipe_to_open (ADW_FLAP (flap), FALSE);
  adw_flap_set_swipe_to_close (ADW_FLAP (flap), FALSE);
  g_object_bind_property (self->checks_button, "active", flap, "reveal-flap", G_BINDING_SYNC_CREATE);
  adw_toast_overlay_set_child (self->toast_overlay, flap);

  jh_checks_pane_set_history (self->checks_pane, self->history);
  g_signal_connect_object (self->checks_pane, "notify::n-errors", G_CALLBACK (checks_count_changed_cb), self, 0);
  g_signal_connect_object (self->checks_pane, "notify::n-warnings", G_CALLBACK (checks_count_changed_cb), self, 0);
  g_signal_connect_object (self->checks_pane, "finding-activated", G_CALLBACK (finding_activated_cb), self, 0);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
  update_checks_button (self);
}

/* F7, the key of spell checking in word processors. */
static void
toggle_checks_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);

  gtk_toggle_button_set_active (self->checks_button, !gtk_toggle_button_get_active (self->checks_button));
}

/**
 * jh_window_get_checks_pane:
 * @self: a #JhWindow
 *
 * Returns: (transfer none): the pane of the plan's findings
 */
JhChecksPane *
jh_window_get_checks_pane (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), NULL);

  return self->checks_pane;
}

/**
 * jh_window_add_toast:
 * @self: a #JhWindow
 * @toast: (transfer full): what to tell
 */
void
jh_window_add_toast (JhWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (JH_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Export and printing of the document */

static GSettings *
get_settings (JhWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return JH_IS_APPLICATION (application) ? jh_application_get_settings (JH_APPLICATION (application)) : NULL;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);
  JhExportDialog *dialog;

  if (self->plan == NULL)
    return;

  dialog = jh_export_dialog_new (GTK_WINDOW (self), self->toast_overlay, self->plan, get_settings (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               JhWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  g_object_set_data (G_OBJECT (operation), "jh-error-shown", GINT_TO_POINTER (TRUE));
  show_error_dialog (self, _("Could Not Print"), error != NULL ? error->message : "");
}

/* The plan laid out with the page profile the settings name, once it is
 * loaded; %NULL, with the error told, when it could not be.
 */
static JhLayout *
new_layout_for_printing (JhWindow     *self,
                         GAsyncResult *result)
{
  g_autoptr(JhPageProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = jh_export_settings_load_profile_finish (result, &error);
  if (profile == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_dialog (self, _("Could Not Print"), error->message);
      return NULL;
    }

  if (self->plan == NULL)
    return NULL;

  return jh_layout_new (self->plan, profile, JH_LAYOUT_FLAGS_NONE);
}

static void
print_profile_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(JhWindow) self = user_data;
  g_autoptr(JhLayout) layout = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if ((layout = new_layout_for_printing (self, result)) == NULL)
    return;

  operation = jh_print_operation_new (layout);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  /* The operation runs on after this returns; the window keeps it. */
  g_object_set_data_full (G_OBJECT (self), "jh-print-operation", g_object_ref (operation), g_object_unref);
  /* An error may come here, or through ::done, or both: it is told once. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "jh-error-shown") == NULL)
    show_error_dialog (self, _("Could Not Print"), error != NULL ? error->message : "");
}

static void
preview_profile_loaded_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(JhWindow) self = user_data;
  g_autoptr(JhLayout) layout = NULL;

  if ((layout = new_layout_for_printing (self, result)) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (jh_print_preview_new (GTK_WINDOW (self), layout)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);

  if (self->plan == NULL)
    return;

  jh_export_settings_load_profile_async (get_settings (self), NULL, self->cancellable,
                                         g_str_equal (action_name, "win.print-preview")
                                         ? preview_profile_loaded_cb : print_profile_loaded_cb,
                                         g_object_ref (self));
}

static gboolean
refresh_cb (gpointer user_data)
{
  JhWindow *self = user_data;

  self->refresh_source = 0;
  render_document (self);
  update_timeline (self);
  update_title (self);

  return G_SOURCE_REMOVE;
}

/* Drafts */

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A draft that cannot be written is not worth a dialog while the user
   * types; the plan itself is still in memory and can be saved.
   */
  if (!jh_drafts_save_finish (JH_DRAFTS (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write a draft: %s", error->message);
}

static gboolean
autosave_cb (gpointer user_data)
{
  JhWindow *self = user_data;

  self->autosave_source = 0;

  if (self->drafts != NULL && self->plan != NULL && self->modified)
    jh_drafts_save_async (self->drafts, self->draft_id, self->plan, self->file,
                          self->cancellable, draft_saved_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
discard_draft (JhWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->drafts != NULL && !jh_drafts_discard (self->drafts, self->draft_id, &error))
    g_warning ("Could not remove a draft: %s", error->message);
}

static void
plan_changed_cb (JhPlan   *plan,
                 JhWindow *self)
{
  self->change_count++;
  set_modified (self, TRUE);

  /* Edits come in bursts; redraw once the burst is over, and write the
   * draft a few seconds after the last edit.
   */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add_seconds (self->autosave_delay, autosave_cb, self);
}

/* Files */

static guint64
query_mtime (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return 0;

  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 JhWindow          *self)
{
  guint64 mtime;

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  /* Our own saves change the file too: only a time we did not write
   * means another program.
   */
  mtime = query_mtime (self->file);
  if (mtime == 0 || mtime == self->disk_mtime)
    return;

  gtk_revealer_set_reveal_child (self->changed_on_disk_revealer, TRUE);
}

static void
watch_file (JhWindow *self)
{
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, file_changed_cb, self);
  g_clear_object (&self->monitor);
  gtk_revealer_set_reveal_child (self->changed_on_disk_revealer, FALSE);

  if (self->file == NULL)
    return;

  self->disk_mtime = query_mtime (self->file);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
}

/* Plans opened and saved show among the recent files of the desktop. */
static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) JH_PLAN_MIME_TYPE,
    .app_name = (char *) "Jihua",
    .app_exec = (char *) "jihua %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
set_file (JhWindow *self,
          GFile    *file)
{
  if (file != NULL)
    add_to_recent (file);

  if (g_set_object (&self->file, file))
    {
      update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  watch_file (self);
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

  /* What was shown before, and its draft, give way to the file. */
  discard_draft (self);
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

  /* A prior-year document (.txt, .odt, .docx) becomes a plan, unsaved. */
  {
    g_autofree char *name = g_file_get_basename (file);

    if (jh_importer_can_import_name (name))
      {
        jh_window_import_file (self, file);
        return;
      }
  }

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
      /* The plan in memory stays as it is, marked modified, its draft
       * kept: nothing is lost, and the user can save elsewhere.
       */
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_dialog (self, _("Could Not Save the Plan"), error->message);
      g_task_return_error (task, error);
      return;
    }

  set_file (self, file);

  /* Edits made while the file was written are not in it. */
  if (self->change_count == change_count_at_start)
    {
      set_modified (self, FALSE);
      discard_draft (self);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Plan saved")));
  g_task_return_boolean (task, TRUE);

  if (self->close_after_save && !self->modified)
    gtk_window_destroy (GTK_WINDOW (self));
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

/**
 * jh_file_chooser_add_plan_filter:
 * @chooser: a file chooser
 *
 * Adds the filter that shows Jihua's plan files.
 */
void
jh_file_chooser_add_plan_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Jihua Plans"));
  gtk_file_filter_add_mime_type (filter, JH_PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "jhplan");
  gtk_file_chooser_add_filter (chooser, filter);
}

/* A plan the user has worked on is never replaced: open beside it. */
static void
open_here_or_beside (JhWindow *self,
                     GFile    *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  JhWindow *window = self;

  if (!jh_window_is_pristine (self) && application != NULL)
    {
      window = jh_window_new (application);
      jh_window_set_drafts (window, self->drafts);
    }

  jh_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  JhWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      open_here_or_beside (self, file);
    }

  g_object_unref (dialog);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_here_or_beside (JH_WINDOW (widget), file);
}

#define MAX_RECENT 10

static int
compare_recent_newest_first (GtkRecentInfo *a,
                             GtkRecentInfo *b)
{
  g_autoptr(GDateTime) time_a = g_date_time_ref (gtk_recent_info_get_modified (a));
  g_autoptr(GDateTime) time_b = g_date_time_ref (gtk_recent_info_get_modified (b));

  return g_date_time_compare (time_b, time_a);
}

/* The recent plans, newest first, read when the menu opens. */
static void
fill_recent (JhWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n_added = 0;

  g_menu_remove_all (self->recent_section);
  items = g_list_sort (items, (GCompareFunc) compare_recent_newest_first);

  for (GList *l = items; l != NULL && n_added < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), JH_PLAN_MIME_TYPE) != 0 ||
          !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
      n_added++;
    }

  if (n_added == 0)
    g_menu_append (self->recent_section, _("No Recent Plans"), "win.no-recent");

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
primary_menu_shown_cb (GtkPopover *popover,
                       JhWindow   *self)
{
  fill_recent (self);
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
  jh_file_chooser_add_plan_filter (GTK_FILE_CHOOSER (dialog));
  jh_file_chooser_add_import_filter (GTK_FILE_CHOOSER (dialog));
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
  else
    {
      self->close_after_save = FALSE;
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
  jh_file_chooser_add_plan_filter (GTK_FILE_CHOOSER (dialog));
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

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);

  if (g_str_equal (action_name, "win.undo"))
    jh_history_undo (self->history);
  else
    jh_history_redo (self->history);
}

static void
history_changed_cb (JhHistory  *history,
                    GParamSpec *pspec,
                    JhWindow   *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", jh_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", jh_history_get_can_redo (history));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->changed_on_disk_revealer, FALSE);
  if (self->file != NULL)
    jh_window_open_file (self, self->file);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);

  /* The file on disk is no longer what the window shows: the plan is
   * modified until it is saved over the other program's version.
   */
  gtk_revealer_set_reveal_child (self->changed_on_disk_revealer, FALSE);
  if (self->file != NULL)
    self->disk_mtime = query_mtime (self->file);
  set_modified (self, TRUE);
}

/* Closing */

static gboolean
close_later_cb (gpointer user_data)
{
  gtk_window_close (user_data);

  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   JhWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      discard_draft (self);
      set_modified (self, FALSE);

      /* Not at once: the dialog is still answering, and must be gone
       * before the window it belongs to.
       */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

static gboolean
jh_window_close_request (GtkWindow *window)
{
  JhWindow *self = JH_WINDOW (window);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!self->modified)
    {
      discard_draft (self);
      return GTK_WINDOW_CLASS (jh_window_parent_class)->close_request (window);
    }

  body = g_strdup_printf (_("“%s” has changes that are not saved. Changes that are not saved are lost."),
                          gtk_window_get_title (window) + (self->modified ? strlen ("• ") : 0));
  dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* GObject */

static void
jh_window_dispose (GObject *object)
{
  JhWindow *self = (JhWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_changed_cb, self);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, file_changed_cb, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, history_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_WINDOW);

  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->history);
  g_clear_object (&self->drafts);
  g_clear_object (&self->monitor);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->draft_id, g_free);

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

    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;

    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JhWindow *self = JH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DRAFTS:
      jh_window_set_drafts (self, g_value_get_object (value));
      break;

    case PROP_AUTOSAVE_DELAY:
      self->autosave_delay = g_value_get_uint (value);
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jh_window_dispose;
  object_class->get_property = jh_window_get_property;
  object_class->set_property = jh_window_set_property;
  window_class->close_request = jh_window_close_request;

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

  /**
   * JhWindow:drafts:
   *
   * Where the window writes drafts of its plan, or %NULL for none.
   */
  properties[PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL,
                         JH_TYPE_DRAFTS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhWindow:autosave-delay:
   *
   * Seconds from the last change to the writing of a draft.
   */
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL,
                       1, 60, 3,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JH_TYPE_PLAN_VIEW);
  g_type_ensure (JH_TYPE_TIMELINE_VIEW);
  g_type_ensure (JH_TYPE_COMPARE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JhWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, plan_view);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, timeline_span_label);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, zoom_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, changed_on_disk_revealer);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, checks_button);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, checks_icon);
  gtk_widget_class_bind_template_child (widget_class, JhWindow, checks_label);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, jh_window_import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-previous", NULL, timeline_period_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-next", NULL, timeline_period_action);
  gtk_widget_class_install_action (widget_class, "win.export-timeline", "s", export_timeline_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-checks", NULL, toggle_checks_action);
  gtk_widget_class_install_action (widget_class, "win.clause-browser", NULL, jh_window_clause_browser_action);
  gtk_widget_class_install_action (widget_class, "win.save-to-my-clauses", NULL, jh_window_save_to_my_clauses_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F7, 0, "win.toggle-checks", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.clause-browser", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

static void
jh_window_init (JhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->marks = g_hash_table_new (NULL, NULL);
  self->history = jh_history_new ();
  self->draft_id = jh_drafts_new_id ();
  self->autosave_delay = 3;

  g_signal_connect (self->history, "notify::can-undo", G_CALLBACK (history_changed_cb), self);
  g_signal_connect (self->history, "notify::can-redo", G_CALLBACK (history_changed_cb), self);
  history_changed_cb (self->history, NULL, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  g_signal_connect (gtk_menu_button_get_popover (self->primary_menu_button), "show",
                    G_CALLBACK (primary_menu_shown_cb), self);
  jh_plan_view_set_history (self->plan_view, self->history);

  jh_timeline_view_set_history (self->timeline_view, self->history);
  g_object_bind_property_full (self->timeline_view, "zoom", self->zoom_dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               zoom_to_selected, selected_to_zoom, NULL, NULL);
  g_signal_connect_object (self->timeline_view, "notify::zoom", G_CALLBACK (timeline_changed_cb), self, 0);
  g_signal_connect_object (self->timeline_view, "notify::period", G_CALLBACK (timeline_changed_cb), self, 0);
  g_signal_connect_object (self->timeline_view, "notify::schedule",
                           G_CALLBACK (timeline_schedule_changed_cb), self, 0);
  g_signal_connect_object (self->timeline_view, "task-activated",
                           G_CALLBACK (timeline_task_activated_cb), self, 0);
  g_signal_connect_object (self->compare_view, "task-activated",
                           G_CALLBACK (compare_task_activated_cb), self, 0);
  g_signal_connect_object (jh_plan_view_get_outline (self->plan_view), "notify::selected",
                           G_CALLBACK (outline_selected_cb), self, 0);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_changed_cb), self, 0);
  update_timeline_span (self);

  create_tags (self);
  update_title (self);
  add_checks_pane (self);
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
 * jh_window_get_history:
 * @self: a #JhWindow
 *
 * Returns: (transfer none): the undo history of the plan
 */
JhHistory *
jh_window_get_history (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), NULL);

  return self->history;
}

/**
 * jh_window_get_plan_view:
 * @self: a #JhWindow
 *
 * Returns: (transfer none): where the plan is edited
 */
JhPlanView *
jh_window_get_plan_view (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), NULL);

  return self->plan_view;
}

/**
 * jh_window_get_timeline_view:
 * @self: a #JhWindow
 *
 * Returns: (transfer none): the plan's timeline
 */
JhTimelineView *
jh_window_get_timeline_view (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), NULL);

  return self->timeline_view;
}

/**
 * jh_window_get_draft_id:
 * @self: a #JhWindow
 *
 * Returns: the id under which the window writes its drafts
 */
const char *
jh_window_get_draft_id (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), NULL);

  return self->draft_id;
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
 * jh_window_set_drafts:
 * @self: a #JhWindow
 * @drafts: (nullable): where to write drafts
 */
void
jh_window_set_drafts (JhWindow *self,
                      JhDrafts *drafts)
{
  g_return_if_fail (JH_IS_WINDOW (self));
  g_return_if_fail (drafts == NULL || JH_IS_DRAFTS (drafts));

  if (g_set_object (&self->drafts, drafts))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFTS]);
}

/**
 * jh_window_set_plan:
 * @self: a #JhWindow
 * @plan: the plan to show
 * @file: (nullable): the file @plan was read from
 *
 * Shows @plan, unmodified, with an empty undo history and a new draft.
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

  jh_history_clear (self->history);
  jh_compare_view_set_plan (self->compare_view, plan);
  jh_plan_view_set_plan (self->plan_view, plan);
  jh_checks_pane_set_plan (self->checks_pane, plan, file);

  set_file (self, file);
  set_modified (self, FALSE);
  refresh_cb (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * jh_window_restore_draft:
 * @self: a #JhWindow
 * @info: a draft found after a crash
 * @plan: the plan read from it
 *
 * Shows a plan recovered from its draft: modified (its changes are not in
 * its file), writing further drafts under the same id.
 */
void
jh_window_restore_draft (JhWindow    *self,
                         JhDraftInfo *info,
                         JhPlan      *plan)
{
  g_return_if_fail (JH_IS_WINDOW (self));
  g_return_if_fail (info != NULL);
  g_return_if_fail (JH_IS_PLAN (plan));

  jh_window_set_plan (self, plan, jh_draft_info_get_file (info));
  g_free (self->draft_id);
  self->draft_id = g_strdup (jh_draft_info_get_id (info));
  set_modified (self, TRUE);
}

/**
 * jh_window_show_imported:
 * @self: a #JhWindow
 * @plan: a plan imported from a prior-year document
 * @toast: (transfer full) (nullable): what to tell about the import
 *
 * Shows @plan as a new plan of no file, modified (so that closing the
 * window asks to save it), with a draft.
 */
void
jh_window_show_imported (JhWindow *self,
                         JhPlan   *plan,
                         AdwToast *toast)
{
  g_return_if_fail (JH_IS_WINDOW (self));
  g_return_if_fail (JH_IS_PLAN (plan));

  /* As when a file is opened: what was shown, and its draft, give way;
   * the imported plan gets a draft of its own at once.
   */
  discard_draft (self);
  jh_window_set_plan (self, plan, NULL);
  set_modified (self, TRUE);
  self->autosave_source = g_timeout_add_seconds (self->autosave_delay, autosave_cb, self);
  if (toast != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * jh_window_get_drafts:
 * @self: a #JhWindow
 *
 * Returns: (transfer none) (nullable): where the window keeps drafts
 */
JhDrafts *
jh_window_get_drafts (JhWindow *self)
{
  g_return_val_if_fail (JH_IS_WINDOW (self), NULL);

  return self->drafts;
}
