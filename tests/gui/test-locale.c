/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui-test-utils.h"
#include "jh-clause-edit-dialog.h"
#include "jh-window.h"

/* Started in Chinese, the window shows no English: every string a user
 * reads comes through the zh_CN translation.  Run with LANG=zh_CN.UTF-8
 * (the test command makes sure the locale exists).
 */

static gboolean
has_latin_word (const char *text)
{
  /* The names of keys are written in Latin letters in every language. */
  const char * const keys[] = { "Ctrl", "Alt", "Shift", "Enter", "Delete", "Up", "Down", "Left", "Right", NULL };
  g_autoptr(GString) rest = g_string_new (text);

  for (guint i = 0; keys[i] != NULL; i++)
    g_string_replace (rest, keys[i], " ", 0);

  /* Two Latin letters in a row make an English word; single letters
   * (Q1, 5.20) and the digits of dates do not.
   */
  for (const char *p = rest->str; *p != '\0' && p[1] != '\0'; p++)
    if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]))
      return TRUE;

  return FALSE;
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  const char *text = NULL;

  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, (gpointer) text);

  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_ptr_array_add (texts, (gpointer) gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static void
collect_menu (GMenuModel *menu,
              GPtrArray  *texts)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (texts, g_strdup (label));
      if (section != NULL)
        {
          collect_menu (section, texts);
          g_object_unref (section);
        }
    }
}

static void
assert_no_english (GPtrArray *texts)
{
  guint english = 0;

  for (guint i = 0; i < texts->len; i++)
    if (has_latin_word (g_ptr_array_index (texts, i)))
      {
        g_test_message ("Not translated: %s", (const char *) g_ptr_array_index (texts, i));
        english++;
      }

  g_assert_cmpuint (english, ==, 0);
}

static void
test_chinese_window (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) menu_texts = g_ptr_array_new_with_free_func (g_free);
  JhWindow *window = jh_window_new (NULL);
  JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 0);
  GtkWidget *menu_button;

  jh_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  jh_outline_select (jh_plan_view_get_outline (jh_window_get_plan_view (window)), JH_NODE (task));
  gui_test_save_rendering (GTK_WIDGET (window), "window-zh_CN.png");

  collect_texts (GTK_WIDGET (window), texts);
  menu_button = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), menu_texts);
  g_ptr_array_extend (texts, menu_texts, NULL, NULL);

  g_assert_cmpuint (texts->len, >, 20);
  assert_no_english (texts);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor of one's own clauses, in Chinese. */
static void
test_chinese_clause_editor (void)
{
  g_autoptr(JhClause) clause = jh_clause_new_user ("每月召开一次机关例会，通报工作进展。", NULL,
                                                   JH_SECTION_KIND_SAFEGUARDS,
                                                   (const char * const []) { "会议", NULL });
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  GtkWidget *dialog = GTK_WIDGET (jh_clause_edit_dialog_new (NULL, clause));

  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_save_rendering (dialog, "clause-edit-dialog-zh_CN.png");
  collect_texts (dialog, texts);
  g_assert_cmpuint (texts->len, >, 3);
  assert_no_english (texts);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *po_dir = g_build_filename (g_getenv ("JIHUA_BUILD_ROOT"), "po", NULL);

  /* The translation as built, not as installed. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gui_test_init (&argc, &argv);

  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "zh_CN.UTF-8") != 0)
    {
      g_printerr ("The zh_CN.UTF-8 locale is missing; build-aux/jihua-dev installs it\n");
      return 1;
    }

  g_test_add_func ("/jihua/locale/chinese-window", test_chinese_window);
  g_test_add_func ("/jihua/locale/chinese-clause-editor", test_chinese_clause_editor);

  return g_test_run ();
}
