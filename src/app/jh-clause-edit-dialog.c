/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-clause-edit-dialog.h"

/**
 * JhClauseEditDialog:
 *
 * Edits one of the user's own clauses: its title, its wording and its
 * tags.  Saving makes a new version of the clause (its id stays, so
 * plans that use it still know it) and emits #JhClauseEditDialog::save
 * with it; whoever opened the dialog puts it in the library.
 */

struct _JhClauseEditDialog
{
  AdwWindow     parent_instance;

  JhClause     *clause;
  AdwEntryRow  *title_row;
  AdwEntryRow  *tags_row;
  GtkTextView  *text_view;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (JhClauseEditDialog, jh_clause_edit_dialog, ADW_TYPE_WINDOW)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_text (JhClauseEditDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JhClauseEditDialog *self = JH_CLAUSE_EDIT_DIALOG (widget);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *text = dup_text (self);
  g_auto(GStrv) tags = jh_tags_parse (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  g_autoptr(JhClause) revision = NULL;

  /* A clause of the library file is one line of title and some wording. */
  if (*title == '\0' || *text == '\0' || strpbrk (title, "\r\n") != NULL)
    {
      gtk_label_set_text (self->error_label, _("A clause needs a title on one line and a wording"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  revision = jh_clause_new_revision (self->clause, title, text);
  jh_clause_set_tags (revision, (const char * const *) tags);
  g_signal_emit (self, signals[SAVE], 0, revision);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* What was wrong is gone once the user changes something. */
static void
hide_error (JhClauseEditDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
jh_clause_edit_dialog_finalize (GObject *object)
{
  JhClauseEditDialog *self = (JhClauseEditDialog *) object;

  g_clear_object (&self->clause);

  G_OBJECT_CLASS (jh_clause_edit_dialog_parent_class)->finalize (object);
}

static void
jh_clause_edit_dialog_class_init (JhClauseEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jh_clause_edit_dialog_finalize;

  /**
   * JhClauseEditDialog::save:
   * @self: the dialog
   * @revision: the clause as edited, a new version of it
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, JH_TYPE_CLAUSE);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
jh_clause_edit_dialog_init (JhClauseEditDialog *self)
{
  GtkWidget *box, *header, *button, *content, *group, *label, *scrolled, *frame;

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Clause"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dialog.save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_vexpand (content, TRUE);

  group = adw_preferences_group_new ();
  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));
  self->tags_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tags_row), _("Tags, separated by commas"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->tags_row));
  gtk_box_append (GTK_BOX (content), group);

  label = gtk_label_new_with_mnemonic (_("_Wording"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (content), label);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 8);
  gtk_text_view_set_right_margin (self->text_view, 8);
  gtk_text_view_set_top_margin (self->text_view, 8);
  gtk_text_view_set_bottom_margin (self->text_view, 8);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->text_view));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (content), frame);

  label = gtk_label_new (_("Variables in braces, such as {单位} or {年份}, are filled from the plan."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (content), label);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (hide_error), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (hide_error), self);
}

/**
 * jh_clause_edit_dialog_new:
 * @parent: (nullable): the window it is for
 * @clause: one of the user's clauses
 *
 * Returns: (transfer full): a new dialog, filled with @clause
 */
JhClauseEditDialog *
jh_clause_edit_dialog_new (GtkWindow *parent,
                           JhClause  *clause)
{
  JhClauseEditDialog *self;
  g_autofree char *tags = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JH_IS_CLAUSE (clause), NULL);

  self = g_object_new (JH_TYPE_CLAUSE_EDIT_DIALOG, "transient-for", parent, NULL);
  self->clause = g_object_ref (clause);
  tags = jh_tags_to_string (jh_clause_get_tags (clause));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), jh_clause_get_title (clause));
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), jh_clause_get_text (clause), -1);

  return self;
}
