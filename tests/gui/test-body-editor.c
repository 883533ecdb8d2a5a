/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-utils.h"
#include "jh-body-editor.h"

static char *
dup_buffer_text (JhBodyEditor *editor)
{
  GtkTextBuffer *buffer = jh_body_editor_get_buffer (editor);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_at_end (JhBodyEditor *editor,
             const char   *text)
{
  GtkTextBuffer *buffer = jh_body_editor_get_buffer (editor);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);

  /* As the keyboard does: one character at a time, as the user would. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_interactive (buffer, &end, p, g_utf8_next_char (p) - p, TRUE);
    }
}

static void
test_edit_and_undo (void)
{
  g_autoptr(JhHistory) history = jh_history_new ();
  g_autoptr(JhTask) task = jh_task_new ("加强理论学习，提高履职能力");
  g_autoptr(JhParagraph) first = jh_paragraph_new ("一是坚持集中学习。");
  g_autoptr(JhParagraph) second = jh_paragraph_new ("二是开展专题培训。");
  GtkWidget *window = gtk_window_new ();
  JhBodyEditor *editor = JH_BODY_EDITOR (jh_body_editor_new ());
  g_autofree char *text = NULL;

  jh_task_insert_paragraph (task, -1, first);
  jh_task_insert_paragraph (task, -1, second);
  jh_body_editor_set_history (editor, history);
  jh_body_editor_set_node (editor, JH_NODE (task));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));

  /* The paragraphs show as lines. */
  text = dup_buffer_text (editor);
  g_assert_cmpstr (text, ==, "一是坚持集中学习。\n二是开展专题培训。");

  /* Typing a new line makes a new paragraph. */
  type_at_end (editor, "\n三是交流学习体会。");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_paragraphs (task)), ==, 3);
  {
    g_autoptr(JhParagraph) third = g_list_model_get_item (jh_task_get_paragraphs (task), 2);

    g_assert_cmpstr (jh_paragraph_get_text (third), ==, "三是交流学习体会。");
  }

  /* The plan's history takes it back, and the editor shows it. */
  while (jh_history_undo (history))
    ;
  g_clear_pointer (&text, g_free);
  text = dup_buffer_text (editor);
  g_assert_cmpstr (text, ==, "一是坚持集中学习。\n二是开展专题培训。");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_paragraphs (task)), ==, 2);

  /* A change made elsewhere shows up too. */
  jh_paragraph_set_text (second, "二是开展专题培训，全年不少于2次。");
  g_clear_pointer (&text, g_free);
  text = dup_buffer_text (editor);
  g_assert_cmpstr (text, ==, "一是坚持集中学习。\n二是开展专题培训，全年不少于2次。");

  /* The buffer keeps no undo of its own. */
  g_assert_false (gtk_text_buffer_get_enable_undo (jh_body_editor_get_buffer (editor)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_and_replace (void)
{
  g_autoptr(JhHistory) history = jh_history_new ();
  g_autoptr(JhTask) task = jh_task_new ("加强理论学习，提高履职能力");
  g_autoptr(JhParagraph) first = jh_paragraph_new ("一是坚持集中学习。");
  g_autoptr(JhParagraph) second = jh_paragraph_new ("二是交流学习体会。");
  GtkWidget *window = gtk_window_new ();
  JhBodyEditor *editor = JH_BODY_EDITOR (jh_body_editor_new ());
  GtkWidget *search_entry, *replace_entry;
  GtkTextBuffer *buffer = jh_body_editor_get_buffer (editor);
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  jh_task_insert_paragraph (task, -1, first);
  jh_task_insert_paragraph (task, -1, second);
  jh_body_editor_set_history (editor, history);
  jh_body_editor_set_node (editor, JH_NODE (task));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "body.find", NULL));
  search_entry = gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SEARCH_ENTRY);
  replace_entry = gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "学习");
  g_signal_emit_by_name (search_entry, "search-changed");

  /* Find Next selects the first match. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "body.find-next", NULL));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "学习");

  /* Replace All changes both paragraphs, as one step to undo. */
  gtk_editable_set_text (GTK_EDITABLE (replace_entry), "研读");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "body.replace-all", NULL));
  g_assert_cmpstr (jh_paragraph_get_text (first), ==, "一是坚持集中研读。");
  g_assert_cmpstr (jh_paragraph_get_text (second), ==, "二是交流研读体会。");
  g_assert_true (jh_history_undo (history));
  g_assert_cmpstr (jh_paragraph_get_text (first), ==, "一是坚持集中学习。");
  g_assert_cmpstr (jh_paragraph_get_text (second), ==, "二是交流学习体会。");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/jihua/body-editor/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/jihua/body-editor/search-and-replace", test_search_and_replace);

  return g_test_run ();
}
