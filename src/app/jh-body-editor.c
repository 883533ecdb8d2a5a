/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "jh-body-editor.h"
#include "jh-clause-completion.h"

/**
 * JhBodyEditor:
 *
 * Edits the paragraphs of a section or a task as one text, a paragraph a
 * line, in a GtkSourceView.  Every change goes through the plan's
 * #JhHistory, so that Undo takes back typing and structural edits alike
 * in the order they were made; the buffer keeps no undo of its own.
 * Changes made to the paragraphs elsewhere (an undo, a fix from the
 * checks) show up in the buffer.
 */

/* How long typing pauses before the paragraph is checked: a check costs
 * little, but underlines that flicker as each letter is typed distract.
 */
#define CHECK_DELAY_MS 400

/* A flagged stretch of a line, for the message on hover. */
typedef struct
{
  int         line;
  int         start;
  int         end;
  JhSeverity  severity;
  char       *message;
} Flag;

static void
flag_clear (Flag *flag)
{
  g_free (flag->message);
}

struct _JhBodyEditor
{
  AdwBin                  parent_instance;

  JhNode                 *node;
  JhHistory              *history;
  JhChecker              *checker;
  JhClauseCompletion     *completion;
  GtkSourceSearchContext *search;
  GArray                 *flags;
  GtkTextTag             *error_tag;
  GtkTextTag             *warning_tag;
  guint                   check_source;
  int                     dirty_line;
  int                     n_lines;
  gulong                  changed_handler;
  gboolean                editing;

  /* Template widgets */
  GtkSourceView          *view;
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  GtkEntry               *replace_entry;
};

G_DEFINE_FINAL_TYPE (JhBodyEditor, jh_body_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_NODE,
  PROP_HISTORY,
  PROP_CHECKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Live checking: the paragraph being typed is checked after a pause and
 * what the checker flags is underlined, the message shown on hover.
 */

static void
check_line (JhBodyEditor *self,
            int           line)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GListModel *paragraphs = jh_node_get_child_list (self->node, JH_TYPE_PARAGRAPH);
  g_autoptr(JhParagraph) paragraph = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GtkTextIter start, end;

  for (guint i = self->flags->len; i > 0; i--)
    if (g_array_index (self->flags, Flag, i - 1).line == line)
      g_array_remove_index (self->flags, i - 1);

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_remove_tag (buffer, self->error_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->warning_tag, &start, &end);

  paragraph = g_list_model_get_item (paragraphs, line);
  if (paragraph == NULL)
    return;

  findings = jh_checker_check_paragraph (self->checker, paragraph);
  for (guint i = 0; i < findings->len; i++)
    {
      JhFinding *finding = g_ptr_array_index (findings, i);
      Flag flag = { 0 };
      GtkTextIter flag_start = start, flag_end;

      if (jh_finding_get_field (finding) != JH_FINDING_FIELD_PARAGRAPH ||
          jh_finding_get_char_offset (finding) > gtk_text_iter_get_line_offset (&end))
        continue;

      gtk_text_iter_set_line_offset (&flag_start, jh_finding_get_char_offset (finding));
      flag_end = flag_start;
      gtk_text_iter_forward_chars (&flag_end, MAX (jh_finding_get_char_length (finding), 1));
      if (gtk_text_iter_compare (&flag_end, &end) > 0)
        flag_end = end;

      gtk_text_buffer_apply_tag (buffer,
                                 jh_finding_get_severity (finding) == JH_SEVERITY_ERROR
                                 ? self->error_tag : self->warning_tag,
                                 &flag_start, &flag_end);

      flag.line = line;
      flag.start = gtk_text_iter_get_line_offset (&flag_start);
      flag.end = gtk_text_iter_get_line_offset (&flag_end);
      flag.severity = jh_finding_get_severity (finding);
      flag.message = g_strdup (jh_finding_get_message (finding));
      g_array_append_val (self->flags, flag);
    }
}

static gboolean
check_cb (gpointer user_data)
{
  JhBodyEditor *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  int n_lines = gtk_text_buffer_get_line_count (buffer);

  self->check_source = 0;

  if (self->node == NULL || self->checker == NULL)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->error_tag, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->warning_tag, &start, &end);
      g_array_set_size (self->flags, 0);
      return G_SOURCE_REMOVE;
    }

  /* A paragraph added or removed moves the others: check them all. */
  if (self->dirty_line < 0 || n_lines != self->n_lines)
    {
      g_array_set_size (self->flags, 0);
      for (int line = 0; line < n_lines; line++)
        check_line (self, line);
    }
  else
    {
      check_line (self, self->dirty_line);
    }

  self->n_lines = n_lines;
  self->dirty_line = -1;

  return G_SOURCE_REMOVE;
}

static void
schedule_check (JhBodyEditor *self,
                int           line)
{
  /* Two lines edited before the pause: check them all. */
  if (self->check_source != 0 && self->dirty_line != line)
    line = -1;

  self->dirty_line = line;
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

static void
disabled_rules_changed_cb (JhChecker    *checker,
                           GParamSpec   *pspec,
                           JhBodyEditor *self)
{
  schedule_check (self, -1);
}

/**
 * jh_body_editor_dup_flag_message:
 * @self: a #JhBodyEditor
 * @iter: a place in the text
 *
 * Returns: (transfer full) (nullable): the message of what is flagged
 *   at @iter, the messages one a line if several flags cover it
 */
char *
jh_body_editor_dup_flag_message (JhBodyEditor      *self,
                                 const GtkTextIter *iter)
{
  int line, offset;
  GString *messages = NULL;

  g_return_val_if_fail (JH_IS_BODY_EDITOR (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  line = gtk_text_iter_get_line (iter);
  offset = gtk_text_iter_get_line_offset (iter);
  for (guint i = 0; self->flags != NULL && i < self->flags->len; i++)
    {
      Flag *flag = &g_array_index (self->flags, Flag, i);

      if (flag->line != line || offset < flag->start || offset >= flag->end)
        continue;

      if (messages == NULL)
        messages = g_string_new (flag->message);
      else
        g_string_append_printf (messages, "\n%s", flag->message);
    }

  return messages ? g_string_free (messages, FALSE) : NULL;
}

#define JH_TYPE_FLAG_HOVER_PROVIDER (jh_flag_hover_provider_get_type ())

G_DECLARE_FINAL_TYPE (JhFlagHoverProvider, jh_flag_hover_provider, JH, FLAG_HOVER_PROVIDER, GObject)

struct _JhFlagHoverProvider
{
  GObject       parent_instance;

  JhBodyEditor *editor;
};

static gboolean
jh_flag_hover_provider_populate (GtkSourceHoverProvider  *provider,
                                 GtkSourceHoverContext   *context,
                                 GtkSourceHoverDisplay   *display,
                                 GError                 **error)
{
  JhFlagHoverProvider *self = JH_FLAG_HOVER_PROVIDER (provider);
  g_autofree char *message = NULL;
  GtkTextIter iter;
  GtkWidget *label;

  if (self->editor != NULL && gtk_source_hover_context_get_iter (context, &iter))
    message = jh_body_editor_dup_flag_message (self->editor, &iter);

  if (message == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Nothing flagged here");
      return FALSE;
    }

  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_source_hover_display_append (display, label);

  return TRUE;
}

static void
hover_provider_iface_init (GtkSourceHoverProviderInterface *iface)
{
  iface->populate = jh_flag_hover_provider_populate;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (JhFlagHoverProvider, jh_flag_hover_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_HOVER_PROVIDER, hover_provider_iface_init))

static void
jh_flag_hover_provider_class_init (JhFlagHoverProviderClass *klass)
{
}

static void
jh_flag_hover_provider_init (JhFlagHoverProvider *self)
{
}

static char *
dup_body_text (JhNode *node)
{
  GListModel *paragraphs = jh_node_get_child_list (node, JH_TYPE_PARAGRAPH);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, jh_paragraph_get_text (paragraph));
    }

  return g_string_free (text, FALSE);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   JhBodyEditor  *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->node == NULL || self->history == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  self->editing = TRUE;
  jh_history_set_body (self->history, self->node, text);
  self->editing = FALSE;

  if (self->checker != NULL)
    {
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      schedule_check (self, gtk_text_iter_get_line (&cursor));
    }
}

/* Shows the paragraphs as they are now, keeping the cursor where it was
 * as far as the text allows.
 */
static void
reload (JhBodyEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  g_autofree char *text = self->node ? dup_body_text (self->node) : g_strdup ("");
  g_autofree char *current = NULL;
  GtkTextIter start, end, cursor;
  int offset;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_str_equal (current, text))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);

  g_signal_handler_block (buffer, self->changed_handler);
  gtk_text_buffer_set_text (buffer, text, -1);
  g_signal_handler_unblock (buffer, self->changed_handler);

  gtk_text_buffer_get_iter_at_offset (buffer, &cursor, offset);
  gtk_text_buffer_place_cursor (buffer, &cursor);

  schedule_check (self, -1);
}

static void
node_changed_cb (JhNode       *node,
                 JhBodyEditor *self)
{
  /* What this editor did itself is in the buffer already. */
  if (!self->editing)
    reload (self);
}

/* Search and replace, with GtkSourceView's search. */

static void
search_changed_cb (GtkSearchEntry *entry,
                   JhBodyEditor   *self)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search);

  gtk_source_search_settings_set_search_text (settings, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
select_match (JhBodyEditor *self,
              gboolean      forwards)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter from, match_start, match_end;
  gboolean found;

  if (forwards)
    gtk_text_buffer_get_selection_bounds (buffer, NULL, &from);
  else
    gtk_text_buffer_get_selection_bounds (buffer, &from, NULL);

  if (forwards)
    found = gtk_source_search_context_forward (self->search, &from, &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_backward (self->search, &from, &match_start, &match_end, NULL);

  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer));
    }
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JhBodyEditor *self = JH_BODY_EDITOR (widget);

  if (g_str_equal (action_name, "body.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    {
      select_match (self, g_str_equal (action_name, "body.find-next"));
    }
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JhBodyEditor *self = JH_BODY_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  GtkTextIter start, end;

  /* Replacing many matches is one step to undo. */
  if (self->history != NULL)
    {
      jh_history_seal (self->history);
      jh_history_begin (self->history, _("Replace"));
    }

  if (g_str_equal (action_name, "body.replace-all"))
    {
      gtk_source_search_context_replace_all (self->search, replacement, -1, NULL);
    }
  else
    {
      if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
          gtk_source_search_context_get_occurrence_position (self->search, &start, &end) <= 0)
        {
          select_match (self, TRUE);
          gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
        }

      if (gtk_source_search_context_get_occurrence_position (self->search, &start, &end) > 0 &&
          gtk_source_search_context_replace (self->search, &start, &end, replacement, -1, NULL))
        select_match (self, TRUE);
    }

  if (self->history != NULL)
    jh_history_end (self->history);
}

/* The text follows the light or dark style like the rest of the window. */
static void
update_style_scheme (JhBodyEditor *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
dark_changed_cb (AdwStyleManager *style_manager,
                 GParamSpec      *pspec,
                 JhBodyEditor    *self)
{
  update_style_scheme (self);
}

/* A clause dragged from the clause library goes in as a paragraph below
 * the line it is dropped on.
 */
static gboolean
clause_dropped_cb (GtkDropTarget *target,
                   const GValue  *value,
                   double         x,
                   double         y,
                   JhBodyEditor  *self)
{
  JhClause *clause = g_value_get_object (value);
  GtkTextIter iter;
  int buffer_x, buffer_y;

  if (!JH_IS_CLAUSE (clause))
    return FALSE;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, buffer_x, buffer_y);

  return jh_body_editor_insert_clause (self, clause, gtk_text_iter_get_line (&iter) + 1);
}

static void
complete_cb (JhClause    *clause,
             GtkTextIter *begin,
             GtkTextIter *end,
             gpointer     user_data)
{
  jh_body_editor_complete_clause (JH_BODY_EDITOR (user_data), clause, begin, end);
}

static void
jh_body_editor_dispose (GObject *object)
{
  JhBodyEditor *self = (JhBodyEditor *) object;

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_pointer (&self->flags, g_array_unref);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, disabled_rules_changed_cb, self);
  g_clear_object (&self->checker);
  g_clear_object (&self->completion);
  g_clear_object (&self->search);
  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_BODY_EDITOR);

  if (self->node != NULL)
    g_signal_handlers_disconnect_by_func (self->node, node_changed_cb, self);

  g_clear_object (&self->node);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (jh_body_editor_parent_class)->dispose (object);
}

static void
jh_body_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JhBodyEditor *self = JH_BODY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_body_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JhBodyEditor *self = JH_BODY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NODE:
      jh_body_editor_set_node (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      jh_body_editor_set_history (self, g_value_get_object (value));
      break;

    case PROP_CHECKER:
      jh_body_editor_set_checker (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_body_editor_class_init (JhBodyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_body_editor_dispose;
  object_class->get_property = jh_body_editor_get_property;
  object_class->set_property = jh_body_editor_set_property;

  /**
   * JhBodyEditor:node:
   *
   * The section or task whose paragraphs are edited.
   */
  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL,
                         JH_TYPE_NODE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JH_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhBodyEditor:checker:
   *
   * What checks the paragraphs as they are typed, or %NULL for no live
   * checking.
   */
  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL,
                         JH_TYPE_CHECKER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-body-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JhBodyEditor, view);
  gtk_widget_class_bind_template_child (widget_class, JhBodyEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, JhBodyEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JhBodyEditor, replace_entry);

  gtk_widget_class_install_action (widget_class, "body.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "body.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "body.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "body.replace", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "body.replace-all", NULL, replace_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "body.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "body.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "body.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "body.find-previous", NULL);

  gtk_widget_class_set_css_name (widget_class, "bodyeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
jh_body_editor_init (JhBodyEditor *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  /* One history for the whole plan: the buffer keeps none. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);

  self->search = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);

  self->changed_handler = g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);

  /* Errors underlined in the error colour, the rest in the warning one,
   * with the squiggle word processors use for spelling.
   */
  self->flags = g_array_new (FALSE, TRUE, sizeof (Flag));
  g_array_set_clear_func (self->flags, (GDestroyNotify) flag_clear);
  self->dirty_line = -1;
  self->error_tag = gtk_text_buffer_create_tag (buffer, "check-error",
                                                "underline", PANGO_UNDERLINE_ERROR,
                                                "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 },
                                                NULL);
  self->warning_tag = gtk_text_buffer_create_tag (buffer, "check-warning",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  "underline-rgba", &(GdkRGBA) { 0.90, 0.65, 0.04, 1.0 },
                                                  NULL);
  {
    GtkDropTarget *target = gtk_drop_target_new (JH_TYPE_CLAUSE, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (clause_dropped_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (target));
  }

  /* Clauses offered as the user types, once there are libraries. */
  self->completion = jh_clause_completion_new (complete_cb, self);
  gtk_source_completion_add_provider (gtk_source_view_get_completion (self->view),
                                      GTK_SOURCE_COMPLETION_PROVIDER (self->completion));

  {
    g_autoptr(JhFlagHoverProvider) provider = g_object_new (JH_TYPE_FLAG_HOVER_PROVIDER, NULL);

    provider->editor = self;
    gtk_source_hover_add_provider (gtk_source_view_get_hover (self->view), GTK_SOURCE_HOVER_PROVIDER (provider));
  }
  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb), self);
  update_style_scheme (self);
}

GtkWidget *
jh_body_editor_new (void)
{
  return g_object_new (JH_TYPE_BODY_EDITOR, NULL);
}

/**
 * jh_body_editor_get_node:
 * @self: a #JhBodyEditor
 *
 * Returns: (transfer none) (nullable): the section or task edited
 */
JhNode *
jh_body_editor_get_node (JhBodyEditor *self)
{
  g_return_val_if_fail (JH_IS_BODY_EDITOR (self), NULL);

  return self->node;
}

void
jh_body_editor_set_node (JhBodyEditor *self,
                         JhNode       *node)
{
  g_return_if_fail (JH_IS_BODY_EDITOR (self));
  g_return_if_fail (node == NULL || jh_node_get_child_list (node, JH_TYPE_PARAGRAPH) != NULL);

  if (self->node == node)
    return;

  if (self->node != NULL)
    g_signal_handlers_disconnect_by_func (self->node, node_changed_cb, self);

  g_set_object (&self->node, node);

  if (self->node != NULL)
    g_signal_connect (self->node, "changed", G_CALLBACK (node_changed_cb), self);

  reload (self);
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->dirty_line = -1;
  check_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}

/**
 * jh_body_editor_get_history:
 * @self: a #JhBodyEditor
 *
 * Returns: (transfer none) (nullable): the history edits go through
 */
JhHistory *
jh_body_editor_get_history (JhBodyEditor *self)
{
  g_return_val_if_fail (JH_IS_BODY_EDITOR (self), NULL);

  return self->history;
}

void
jh_body_editor_set_history (JhBodyEditor *self,
                            JhHistory    *history)
{
  g_return_if_fail (JH_IS_BODY_EDITOR (self));
  g_return_if_fail (history == NULL || JH_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/**
 * jh_body_editor_get_buffer:
 * @self: a #JhBodyEditor
 *
 * Returns: (transfer none): the buffer, for search, completion and the
 *   underlines of the checks
 */
GtkTextBuffer *
jh_body_editor_get_buffer (JhBodyEditor *self)
{
  g_return_val_if_fail (JH_IS_BODY_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
}

/**
 * jh_body_editor_get_view:
 * @self: a #JhBodyEditor
 *
 * Returns: (transfer none): the #GtkSourceView, where completion and
 *   hover providers (clauses, the checks' messages) are added
 */
GtkWidget *
jh_body_editor_get_view (JhBodyEditor *self)
{
  g_return_val_if_fail (JH_IS_BODY_EDITOR (self), NULL);

  return GTK_WIDGET (self->view);
}

/**
 * jh_body_editor_select_text:
 * @self: a #JhBodyEditor
 * @paragraph: one of the paragraphs edited
 * @offset: where the text starts in @paragraph, in characters
 * @length: its length in characters
 *
 * Selects the text, scrolls it into view and puts the focus on it, as
 * when the user is taken to a finding.
 */
void
jh_body_editor_select_text (JhBodyEditor *self,
                            JhParagraph  *paragraph,
                            glong         offset,
                            glong         length)
{
  GtkTextBuffer *buffer;
  GListModel *paragraphs;
  GtkTextIter start, end;
  int line = -1;

  g_return_if_fail (JH_IS_BODY_EDITOR (self));
  g_return_if_fail (JH_IS_PARAGRAPH (paragraph));

  if (self->node == NULL)
    return;

  /* A paragraph a line. */
  paragraphs = jh_node_get_child_list (self->node, JH_TYPE_PARAGRAPH);
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) item = g_list_model_get_item (paragraphs, i);

      if (item == paragraph)
        line = i;
    }
  if (line < 0)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_iter_at_line_offset (buffer, &start, line, 0);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  offset = MIN (offset, gtk_text_iter_get_line_offset (&end));
  gtk_text_iter_set_line_offset (&start, offset);
  end = start;
  gtk_text_iter_forward_chars (&end, length);

  gtk_text_buffer_select_range (buffer, &end, &start);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &start, 0.1, FALSE, 0, 0);
}

/**
 * jh_body_editor_get_checker:
 * @self: a #JhBodyEditor
 *
 * Returns: (transfer none) (nullable): what checks the text as it is typed
 */
JhChecker *
jh_body_editor_get_checker (JhBodyEditor *self)
{
  g_return_val_if_fail (JH_IS_BODY_EDITOR (self), NULL);

  return self->checker;
}

void
jh_body_editor_set_checker (JhBodyEditor *self,
                            JhChecker    *checker)
{
  g_return_if_fail (JH_IS_BODY_EDITOR (self));
  g_return_if_fail (checker == NULL || JH_IS_CHECKER (checker));

  if (self->checker == checker)
    return;

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, disabled_rules_changed_cb, self);
  g_set_object (&self->checker, checker);
  jh_clause_completion_set_libraries (self->completion, checker ? jh_checker_get_libraries (checker) : NULL);
  if (self->checker != NULL)
    {
      g_signal_connect (self->checker, "notify::disabled-rules", G_CALLBACK (disabled_rules_changed_cb), self);
      g_signal_connect (self->checker, "notify::disabled-categories", G_CALLBACK (disabled_rules_changed_cb), self);
    }

  /* All of it, at once: there is no typing to wait for. */
  self->dirty_line = -1;
  g_clear_handle_id (&self->check_source, g_source_remove);
  check_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

/**
 * jh_body_editor_complete_clause:
 * @self: a #JhBodyEditor
 * @clause: a clause
 * @begin: where the words it replaces start
 * @end: where they end
 *
 * Puts the text of @clause, its variables filled from the plan, in place
 * of the words typed, as one step to undo.  A paragraph that is then the
 * clause as a whole keeps its id and version.
 */
void
jh_body_editor_complete_clause (JhBodyEditor *self,
                                JhClause     *clause,
                                GtkTextIter  *begin,
                                GtkTextIter  *end)
{
  GtkTextBuffer *buffer;
  JhNode *root;
  g_autofree char *text = NULL;
  g_autoptr(JhParagraph) paragraph = NULL;
  int line;

  g_return_if_fail (JH_IS_BODY_EDITOR (self));
  g_return_if_fail (JH_IS_CLAUSE (clause));

  if (self->node == NULL || self->history == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  root = jh_node_get_root (self->node);
  text = JH_IS_PLAN (root) ? jh_clause_expand (clause, JH_PLAN (root)) : g_strdup (jh_clause_get_text (clause));
  line = gtk_text_iter_get_line (begin);

  jh_history_seal (self->history);
  jh_history_begin (self->history, _("Insert Clause"));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, begin, end);
  gtk_text_buffer_insert (buffer, begin, text, -1);
  gtk_text_buffer_end_user_action (buffer);

  paragraph = g_list_model_get_item (jh_node_get_child_list (self->node, JH_TYPE_PARAGRAPH), line);
  if (paragraph != NULL && g_str_equal (jh_paragraph_get_text (paragraph), text))
    {
      g_autoptr(JhProvenance) provenance = jh_provenance_new (jh_clause_get_id (clause),
                                                              jh_clause_get_version (clause), NULL, 0);

      jh_history_set (self->history, JH_NODE (paragraph), "provenance", provenance, NULL);
    }

  jh_history_end (self->history);
  jh_history_seal (self->history);
}

/**
 * jh_body_editor_insert_clause:
 * @self: a #JhBodyEditor
 * @clause: a clause
 * @position: the paragraph it becomes, -1 for the last
 *
 * Inserts the text of @clause, its variables filled from the plan, as a
 * paragraph that keeps the clause's id and version; one step to undo.
 *
 * Returns: %TRUE when it went in
 */
gboolean
jh_body_editor_insert_clause (JhBodyEditor *self,
                              JhClause     *clause,
                              int           position)
{
  g_autoptr(JhProvenance) provenance = NULL;
  g_autoptr(JhParagraph) paragraph = NULL;
  g_autofree char *text = NULL;
  JhNode *root;

  g_return_val_if_fail (JH_IS_BODY_EDITOR (self), FALSE);
  g_return_val_if_fail (JH_IS_CLAUSE (clause), FALSE);

  if (self->node == NULL || self->history == NULL)
    return FALSE;

  root = jh_node_get_root (self->node);
  text = JH_IS_PLAN (root) ? jh_clause_expand (clause, JH_PLAN (root)) : g_strdup (jh_clause_get_text (clause));
  provenance = jh_provenance_new (jh_clause_get_id (clause), jh_clause_get_version (clause), NULL, 0);
  paragraph = jh_paragraph_new (text);
  jh_paragraph_set_provenance (paragraph, provenance);

  jh_history_seal (self->history);
  jh_history_begin (self->history, _("Insert Clause"));
  jh_history_insert (self->history, self->node, position, JH_NODE (paragraph));
  jh_history_end (self->history);
  jh_history_seal (self->history);

  return TRUE;
}
