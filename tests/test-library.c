/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <libxml/relaxng.h>

#include "jihua.h"
#include "test-utils.h"

/* The user's own library (saved, edited, never overwritten when broken),
 * findings ignored in the plan file and rules switched off.  The test
 * runs with its own temporary user data folder.
 */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static JhPlan *
load_plan (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JhPlan *plan;

  plan = jh_plan_load_from_file (file, NULL, &error);
  g_assert_no_error (error);

  return plan;
}

static JhLibrarySet *
load_set (GFile      *user_file,
          GPtrArray **errors)
{
  g_autoptr(GError) error = NULL;
  JhLibrarySet *set;

  set = jh_library_set_load (TRUE, user_file, NULL, errors, NULL, &error);
  g_assert_no_error (error);

  return set;
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_user_library (void)
{
  g_autoptr(JhLibrarySet) set = load_set (NULL, NULL);
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autoptr(JhClause) clause = NULL;
  g_autoptr(JhClause) revision = NULL;
  g_autoptr(JhLibrary) reread = NULL;
  g_autoptr(GFile) expected_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_path = NULL;
  const char * const tags[] = { "调研", "民生", NULL };
  JhLibrary *user;
  JhClause *found;
  guint n_changed = 0;

  jh_plan_set_organization (plan, "青桥街道政协工作委员会");

  user = jh_library_set_get_user_library (set);
  g_assert_nonnull (user);
  g_assert_false (jh_library_is_builtin (user));
  g_assert_true (jh_library_set_get_user_library (set) == user);

  /* In the user data folder, after the built-in library; not written yet. */
  expected_path = g_build_filename (g_get_user_data_dir (), "jihua", "library.jhlib", NULL);
  expected_file = g_file_new_for_path (expected_path);
  g_assert_true (g_file_equal (jh_library_get_file (user), expected_file));
  g_assert_false (g_file_test (expected_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 2);
  {
    g_autoptr(JhLibrary) first = g_list_model_get_item (G_LIST_MODEL (set), 0);
    g_autoptr(JhLibrary) second = g_list_model_get_item (G_LIST_MODEL (set), 1);

    g_assert_true (jh_library_is_builtin (first));
    g_assert_true (second == user);
  }

  /* The plan's organization and years become variables. */
  clause = jh_clause_new_user ("青桥街道政协工作委员会2027年继续开展“委员进社区”活动，巩固2026年成果。",
                               plan, JH_SECTION_KIND_MAIN_TASKS, tags);
  g_assert_cmpstr (jh_clause_get_text (clause), ==,
                   "{单位}{年份}年继续开展“委员进社区”活动，巩固{上年}年成果。");
  g_assert_cmpstr (jh_clause_get_title (clause), ==, "{单位}{年份}年继续开展“委员进社区”活动");
  g_assert_true (g_str_has_prefix (jh_clause_get_id (clause), "user."));
  g_assert_true (jh_clause_has_kind (clause, JH_SECTION_KIND_MAIN_TASKS));
  g_assert_cmpstrv (jh_clause_get_tags (clause), tags);
  {
    g_autofree char *expanded = jh_clause_expand (clause, plan);

    g_assert_cmpstr (expanded, ==, "青桥街道政协工作委员会2027年继续开展“委员进社区”活动，巩固2026年成果。");
  }

  g_signal_connect_swapped (set, "changed", G_CALLBACK (count_signal), &n_changed);
  jh_library_add_clause (user, clause);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (jh_library_set_find_clause (set, jh_clause_get_id (clause)) == clause);

  g_assert_true (jh_library_save (user, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (expected_path, G_FILE_TEST_EXISTS));

  reread = jh_library_load_from_file (expected_file, NULL, &error);
  g_assert_no_error (error);
  found = jh_library_find_clause (reread, jh_clause_get_id (clause));
  g_assert_nonnull (found);
  g_assert_cmpstr (jh_clause_get_text (found), ==, jh_clause_get_text (clause));
  g_assert_cmpstr (jh_clause_get_title (found), ==, jh_clause_get_title (clause));
  g_assert_cmpstrv (jh_clause_get_tags (found), tags);
  g_assert_true (jh_clause_has_kind (found, JH_SECTION_KIND_MAIN_TASKS));
  g_assert_cmpuint (jh_clause_get_source_year (found), ==, 2027);
  g_assert_cmpstr (jh_clause_get_source_organization (found), ==, "青桥街道政协工作委员会");

  /* Editing is a new version in the same place. */
  revision = jh_clause_new_revision (clause, "委员进社区", NULL);
  g_assert_cmpuint (jh_clause_get_version (revision), ==, 2);
  g_assert_true (jh_library_replace_clause (user, revision));
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (jh_library_set_find_clause (set, jh_clause_get_id (clause)) == revision);
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_clauses (user)), ==, 1);
  g_assert_cmpstrv (jh_clause_get_tags (revision), tags);

  {
    g_autoptr(JhClause) stranger = jh_clause_new ("user.none", 1, "无", "无");

    g_assert_false (jh_library_replace_clause (user, stranger));
    g_assert_false (jh_library_remove_clause (user, "user.none"));
  }

  g_assert_true (jh_library_remove_clause (user, jh_clause_get_id (clause)));
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_null (jh_library_set_find_clause (set, jh_clause_get_id (clause)));
  g_assert_true (jh_library_save (user, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&reread);
  reread = jh_library_load_from_file (expected_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_clauses (reread)), ==, 0);
}

static void
test_user_library_from_task (void)
{
  g_autoptr(JhPlan) plan = load_plan ("defects.jhplan");
  JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 1);
  g_autoptr(JhParagraph) paragraph = g_list_model_get_item (jh_task_get_paragraphs (task), 0);
  g_autoptr(JhClause) from_task = jh_clause_new_from_task (task, NULL);
  g_autoptr(JhClause) from_paragraph = jh_clause_new_from_paragraph (paragraph, NULL);

  g_assert_cmpstr (jh_clause_get_text (from_task), ==,
                   "加强理论学习，提高履职能力每季度组织委员集中学习1次，及时传达学习上级重要会议精神。");
  g_assert_true (jh_clause_has_kind (from_task, JH_SECTION_KIND_MAIN_TASKS));
  g_assert_cmpstr (jh_clause_get_text (from_paragraph), ==, jh_paragraph_get_text (paragraph));
  g_assert_cmpstr (jh_clause_get_id (from_task), !=, jh_clause_get_id (from_paragraph));
}

static void
test_save_keeps_rules (void)
{
  g_autofree char *source = data_path ("library-good.jhlib");
  g_autofree char *folder = g_dir_make_tmp ("jihua-library-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "office.jhlib", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhLibrary) library = NULL;
  g_autoptr(JhLibrary) reread = NULL;
  g_autoptr(JhClause) clause = jh_clause_new ("office.extra", 1, "补充", "{单位}将加强委员队伍建设。");
  gsize length;
  guint n_rules;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  library = jh_library_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  n_rules = g_list_model_get_n_items (jh_library_get_rules (library));
  g_assert_cmpuint (n_rules, >, 0);

  jh_clause_add_kind (clause, JH_SECTION_KIND_SAFEGUARDS);
  jh_library_add_clause (library, clause);
  g_assert_true (jh_library_save (library, NULL, &error));
  g_assert_no_error (error);

  reread = jh_library_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_rules (reread)), ==, n_rules);
  g_assert_cmpstrv (jh_library_get_disabled_rules (reread), jh_library_get_disabled_rules (library));
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_clauses (reread)), ==,
                    g_list_model_get_n_items (jh_library_get_clauses (library)));
  g_assert_nonnull (jh_library_find_clause (reread, "office.extra"));
  g_assert_cmpstr (jh_library_get_title (reread), ==, jh_library_get_title (library));
  g_assert_true (jh_library_test (reread, NULL));

  g_unlink (path);
  g_rmdir (folder);
}

static void
test_save_refuses_invalid (void)
{
  g_autofree char *folder = g_dir_make_tmp ("jihua-library-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "bad.jhlib", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JhLibrary) library = jh_library_new_for_file (file, "测试");
  g_autoptr(JhClause) clause = jh_clause_new ("not an id!", 1, "标题", "正文");
  g_autoptr(GError) error = NULL;

  jh_clause_add_kind (clause, JH_SECTION_KIND_GOALS);
  jh_library_add_clause (library, clause);

  g_assert_false (jh_library_save (library, NULL, &error));
  g_assert_error (error, JH_FILE_ERROR, JH_FILE_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_rmdir (folder);
}

static void
test_broken_user_library_kept (void)
{
  g_autofree char *folder = g_dir_make_tmp ("jihua-library-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "mine.jhlib", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(JhLibrarySet) set = NULL;
  const char *broken = "<library>not closed";

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));

  set = load_set (file, &errors);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 0))->message, "mine.jhlib"));
  g_assert_null (jh_library_set_get_user_library (set));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 1);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);

  g_unlink (path);
  g_rmdir (folder);
}


static void
test_broken_extra_libraries (void)
{
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) kept_errors = NULL;
  g_autoptr(JhLibrarySet) set = NULL;
  g_autoptr(GError) error = NULL;
  const char * const names[] = { "library-broken.jhlib", "library-doctype.jhlib", "library-good.jhlib",
                                 "library-catastrophic.jhlib", "no-such-library.jhlib" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path (names[i]);

      g_ptr_array_add (extras, g_file_new_for_path (path));
    }

  set = jh_library_set_load (TRUE, NULL, extras, &errors, NULL, &error);
  g_assert_no_error (error);

  /* The good one is used; each broken one is reported by its name. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 2);
  g_assert_nonnull (jh_library_set_find_clause (set, "qingqiao.preamble"));
  g_assert_nonnull (jh_library_set_find_rule (set, "qingqiao.old-name"));
  g_assert_null (jh_library_set_find_rule (set, "target.quantity"));
  g_assert_cmpuint (errors->len, ==, 4);
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 0))->message, "library-broken.jhlib:7"));
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 1))->message, "library-doctype.jhlib"));
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 2))->message, "library-catastrophic.jhlib"));
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 3))->message, "no-such-library.jhlib"));

  kept_errors = jh_library_set_dup_errors (set);
  g_assert_cmpuint (kept_errors->len, ==, 4);
}

typedef struct
{
  JhLibrarySet *set;
  guint         n_changed;
  gboolean      timed_out;
} Watch;

static void
watch_changed_cb (JhLibrarySet *set,
                  Watch        *watch)
{
  watch->n_changed++;
}

static gboolean
watch_timeout_cb (gpointer data)
{
  ((Watch *) data)->timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Waits for the set to read its libraries again; the time limit only
 * keeps a broken watch from hanging the test.
 */
static void
wait_for_change (Watch *watch)
{
  guint before = watch->n_changed;
  guint timeout = g_timeout_add_seconds (60, watch_timeout_cb, watch);

  while (watch->n_changed == before && !watch->timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (watch->timed_out);
  g_source_remove (timeout);
}

static void
copy_fixture (const char *name,
              const char *destination)
{
  g_autofree char *source = data_path (name);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (destination, contents, length, NULL));
}

static void
test_watch_folder (void)
{
  g_autofree char *folder = g_dir_make_tmp ("jihua-shared-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (folder, "a-office.jhlib", NULL);
  g_autofree char *broken = g_build_filename (folder, "b-broken.jhlib", NULL);
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(JhLibrarySet) set = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };

  copy_fixture ("library-good.jhlib", good);
  g_ptr_array_add (extras, g_file_new_for_path (folder));

  set = jh_library_set_load (TRUE, NULL, extras, &errors, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_nonnull (jh_library_set_find_clause (set, "qingqiao.preamble"));

  watch.set = set;
  g_signal_connect (set, "changed", G_CALLBACK (watch_changed_cb), &watch);
  jh_library_set_start_watching (set);

  /* A broken library dropped in the folder is reported by name; the
   * good one stays.
   */
  copy_fixture ("library-broken.jhlib", broken);
  wait_for_change (&watch);
  g_clear_pointer (&errors, g_ptr_array_unref);
  errors = jh_library_set_dup_errors (set);
  while (errors->len == 0)
    {
      wait_for_change (&watch);
      g_clear_pointer (&errors, g_ptr_array_unref);
      errors = jh_library_set_dup_errors (set);
    }
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 0))->message, "b-broken.jhlib"));
  g_assert_nonnull (jh_library_set_find_clause (set, "qingqiao.preamble"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 2);

  /* Removing the libraries takes their clauses away. */
  g_assert_cmpint (g_unlink (broken), ==, 0);
  g_assert_cmpint (g_unlink (good), ==, 0);
  while (jh_library_set_find_clause (set, "qingqiao.preamble") != NULL)
    wait_for_change (&watch);
  g_clear_pointer (&errors, g_ptr_array_unref);
  errors = jh_library_set_dup_errors (set);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 1);
  g_assert_nonnull (jh_library_set_find_rule (set, "target.quantity"));

  jh_library_set_stop_watching (set);
  g_rmdir (folder);
}

static JhChecker *
new_checker (void)
{
  g_autoptr(JhLibrarySet) set = jh_library_set_new ();
  g_autoptr(JhLibrary) builtin = jh_library_new_builtin ();
  JhChecker *checker;

  jh_library_set_append (set, builtin);
  checker = jh_checker_new (set);
  jh_checker_set_english (checker, FALSE);

  return checker;
}

static JhFinding *
find_rule (GPtrArray  *findings,
           const char *rule_id)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (jh_finding_get_rule_id (g_ptr_array_index (findings, i)), rule_id))
      return g_ptr_array_index (findings, i);

  return NULL;
}

/* The bytes of a file have no terminating NUL. */
static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *copy = g_strndup (data, size);

  return strstr (copy, text) != NULL;
}

static void
test_ignore_finding (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = load_plan ("defects.jhplan");
  g_autoptr(JhPlan) reread = NULL;
  g_autoptr(GPtrArray) before = jh_checker_check (checker, plan);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rule_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  JhFinding *finding;
  guint n_changed = 0;

  g_assert_cmpuint (before->len, >, 2);
  finding = g_ptr_array_index (before, 1);
  rule_id = g_strdup (jh_finding_get_rule_id (finding));
  text = g_strdup (jh_finding_get_text (finding));
  path = jh_finding_dup_location_key (finding);

  g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_signal), &n_changed);
  g_assert_false (jh_finding_is_ignored (finding));
  g_assert_true (jh_finding_ignore (finding));
  g_assert_false (jh_finding_ignore (finding));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (jh_finding_is_ignored (finding));
  g_assert_true (jh_plan_is_finding_ignored (plan, rule_id, path, text));
  g_assert_cmpuint (jh_plan_get_n_ignored_findings (plan), ==, 1);

  after = jh_checker_check (checker, plan);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  for (guint i = 0; i < after->len; i++)
    {
      JhFinding *other = g_ptr_array_index (after, i);
      g_autofree char *other_path = jh_finding_dup_location_key (other);

      g_assert_false (g_str_equal (jh_finding_get_rule_id (other), rule_id) &&
                      g_str_equal (other_path, path) &&
                      g_str_equal (jh_finding_get_text (other), text));
    }

  /* Remembered in the file, and the file reads back to the same bytes. */
  bytes = jh_plan_serialize (plan, &error);
  g_assert_no_error (error);
  g_assert_true (bytes_contain (bytes, "<ignored-findings>"));
  reread = jh_plan_load_from_bytes (bytes, "ignored.jhplan", &error);
  g_assert_no_error (error);
  g_assert_true (jh_plan_is_finding_ignored (reread, rule_id, path, text));
  bytes_again = jh_plan_serialize (reread, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
  g_clear_pointer (&again, g_ptr_array_unref);
  again = jh_checker_check (checker, reread);
  g_assert_cmpuint (again->len, ==, after->len);

  g_assert_true (jh_plan_unignore_finding (plan, rule_id, path, text));
  g_assert_false (jh_plan_unignore_finding (plan, rule_id, path, text));
  g_assert_cmpuint (n_changed, ==, 2);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = jh_checker_check (checker, plan);
  g_assert_cmpuint (again->len, ==, before->len);

  /* Without ignored findings the file has no trace of them. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = jh_plan_serialize (plan, &error);
  g_assert_no_error (error);
  g_assert_false (bytes_contain (bytes, "ignored-findings"));
}

static void
test_disabled_rules (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = load_plan ("defects.jhplan");
  g_autoptr(GPtrArray) before = jh_checker_check (checker, plan);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_auto(GStrv) disabled = NULL;
  g_autofree char *first_rule = NULL;
  guint n_first = 0;
  guint n_notify = 0;

  g_assert_cmpuint (before->len, >, 0);
  first_rule = g_strdup (jh_finding_get_rule_id (g_ptr_array_index (before, 0)));
  for (guint i = 0; i < before->len; i++)
    if (g_str_equal (jh_finding_get_rule_id (g_ptr_array_index (before, i)), first_rule))
      n_first++;

  g_signal_connect_swapped (checker, "notify::disabled-rules", G_CALLBACK (count_signal), &n_notify);
  {
    const char * const ids[] = { first_rule, "no.such-rule", NULL };

    jh_checker_set_disabled_rules (checker, ids);
    jh_checker_set_disabled_rules (checker, ids);
  }
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (jh_checker_is_rule_disabled (checker, first_rule));
  disabled = jh_checker_dup_disabled_rules (checker);
  g_assert_cmpuint (g_strv_length (disabled), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) disabled, first_rule));

  after = jh_checker_check (checker, plan);
  g_assert_null (find_rule (after, first_rule));
  g_assert_cmpuint (after->len, ==, before->len - n_first);

  /* Off for one paragraph too. */
  {
    JhFinding *finding = g_ptr_array_index (before, 0);

    if (JH_IS_PARAGRAPH (jh_finding_get_node (finding)))
      {
        g_autoptr(GPtrArray) paragraph = jh_checker_check_paragraph (checker, JH_PARAGRAPH (jh_finding_get_node (finding)));

        g_assert_null (find_rule (paragraph, first_rule));
      }
  }

  g_object_set (checker, "disabled-rules", NULL, NULL);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_false (jh_checker_is_rule_disabled (checker, first_rule));
  again = jh_checker_check (checker, plan);
  g_assert_cmpuint (again->len, ==, before->len);
}

/* The library reader checks the values of clauses itself, for speed
 * (see _jh_xml_read_stream()); here it must accept and refuse exactly
 * what the schema's facets accept and refuse, as xmllint would.
 */
static void
silence_cb (void        *user_data,
            xmlErrorPtr  error)
{
}

static gboolean
schema_accepts (xmlRelaxNG *schema,
                const char *document)
{
  xmlDoc *doc = xmlReadMemory (document, strlen (document), "value.jhlib", "UTF-8", XML_PARSE_NONET);
  xmlRelaxNGValidCtxt *validator;
  int result;

  g_assert_nonnull (doc);
  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, silence_cb, NULL);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  xmlFreeDoc (doc);

  return result == 0;
}

static void
test_values_as_schema (void)
{
  static const char * const ids[] = {
    "a", "guiding.core-2023", "A_1", "-a", ".a", "", "a b", "条款", "a/b",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  };
  static const char * const versions[] = {
    "1", "7", "007", "+3", " 2 ", "0", "-1", "4294967295", "4294967296", "1.0", "x",
  };
  static const char * const years[] = {
    "1949", "2026", "2200", "1948", "2201", "+2000", "02000", " 2000 ", "-2000", "二〇二六", "",
  };
  static const char * const lines[] = {
    "标题", "a b", "a\tb", "", "a&#10;b", "a&#13;b", " ", "&#9;",
  };
  g_autofree char *path = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "data", "jihua-library.rng", NULL);
  xmlRelaxNGParserCtxt *parser = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNG *schema = xmlRelaxNGParse (parser);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  guint n_refused = 0;

  xmlRelaxNGFreeParserCtxt (parser);
  g_assert_nonnull (schema);

#define LIBRARY(clause_attributes, title, extra) \
  g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                   "<library xmlns=\"http://jihua.github.io/ns/library\" format-version=\"1\">" \
                   "<title>值</title><clause %s><kind>preamble</kind><title>%s</title>" \
                   "<text>本计划</text>%s</clause></library>", clause_attributes, title, extra)

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *attributes = g_strdup_printf ("id=\"%s\" version=\"1\"", ids[i]);
      g_autofree char *superseded = g_strdup_printf ("id=\"a\" version=\"1\" status=\"superseded\" superseded-by=\"%s\"", ids[i]);

      g_ptr_array_add (documents, LIBRARY (attributes, "标题", ""));
      g_ptr_array_add (documents, LIBRARY (superseded, "标题", ""));
    }
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *attributes = g_strdup_printf ("id=\"a\" version=\"%s\"", versions[i]);

      g_ptr_array_add (documents, LIBRARY (attributes, "标题", ""));
    }
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *attributes = g_strdup_printf ("id=\"a\" version=\"1\" year=\"%s\"", years[i]);
      g_autofree char *source = g_strdup_printf ("<source year=\"%s\"/>", years[i]);

      g_ptr_array_add (documents, LIBRARY (attributes, "标题", ""));
      g_ptr_array_add (documents, LIBRARY ("id=\"a\" version=\"1\"", "标题", source));
    }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *tag = g_strdup_printf ("<tag>%s</tag>", lines[i]);
      g_autofree char *source = g_strdup_printf ("<source document=\"%s\" organization=\"%s\" file=\"%s\"/>",
                                                 lines[i], lines[i], lines[i]);

      g_ptr_array_add (documents, LIBRARY ("id=\"a\" version=\"1\"", lines[i], ""));
      g_ptr_array_add (documents, LIBRARY ("id=\"a\" version=\"1\"", "标题", tag));
      g_ptr_array_add (documents, LIBRARY ("id=\"a\" version=\"1\"", "标题", source));
    }
#undef LIBRARY

  for (guint i = 0; i < documents->len; i++)
    {
      const char *document = g_ptr_array_index (documents, i);
      g_autoptr(GBytes) bytes = g_bytes_new_static (document, strlen (document));
      g_autoptr(GError) error = NULL;
      g_autoptr(JhLibrary) library = jh_library_load_from_bytes (bytes, "value.jhlib", &error);
      gboolean accepted = schema_accepts (schema, document);

      g_test_message ("%s: schema %s, Jihua %s%s%s", document,
                      accepted ? "accepts" : "refuses", library ? "accepts" : "refuses",
                      error ? ": " : "", error ? error->message : "");
      g_assert_cmpint (library != NULL, ==, accepted);
      if (!accepted)
        {
          g_assert_error (error, JH_FILE_ERROR, JH_FILE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "value.jhlib:"));
          n_refused++;
        }
    }

  /* Both ways were tried. */
  g_assert_cmpuint (n_refused, >, 10);
  g_assert_cmpuint (n_refused, <, documents->len - 10);

  xmlRelaxNGFree (schema);
}

/* Tags as people type them in one line, and back. */
static void
test_tags_parse (void)
{
  g_auto(GStrv) tags = jh_tags_parse (" 学习, 理论学习、委员；学习  会议，例会;");
  g_auto(GStrv) none = jh_tags_parse ("  ，、 ");
  g_autofree char *line = jh_tags_to_string ((const char * const *) tags);
  g_auto(GStrv) again = jh_tags_parse (line);

  g_assert_cmpuint (g_strv_length (tags), ==, 5);
  g_assert_cmpstr (tags[0], ==, "学习");
  g_assert_cmpstr (tags[1], ==, "理论学习");
  g_assert_cmpstr (tags[2], ==, "委员");
  g_assert_cmpstr (tags[3], ==, "会议");
  g_assert_cmpstr (tags[4], ==, "例会");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_true (g_strv_equal ((const char * const *) tags, (const char * const *) again));
}

/* Of clauses with one id, the last library's is in force, in the place
 * where the id first appeared; the set finds it by id.
 */
static void
test_set_clauses_in_force (void)
{
  g_autoptr(JhLibrarySet) set = jh_library_set_new ();
  g_autoptr(JhLibrary) first = jh_library_new ("第一");
  g_autoptr(JhLibrary) second = jh_library_new ("第二");
  g_autoptr(JhLibrary) third = jh_library_new ("第三");
  g_autoptr(JhClause) a1 = jh_clause_new ("test.a", 1, "", "甲");
  g_autoptr(JhClause) b1 = jh_clause_new ("test.b", 1, "", "乙");
  g_autoptr(JhClause) c2 = jh_clause_new ("test.c", 1, "", "丙");
  g_autoptr(JhClause) a2 = jh_clause_new ("test.a", 2, "", "甲二");
  g_autoptr(JhClause) b3 = jh_clause_new ("test.b", 3, "", "乙三");
  g_autoptr(JhClause) d3 = jh_clause_new ("test.d", 1, "", "丁");
  JhClause *expected[] = { a2, b3, c2, d3 };
  GListModel *clauses;

  jh_library_add_clause (first, a1);
  jh_library_add_clause (first, b1);
  jh_library_add_clause (second, c2);
  jh_library_add_clause (second, a2);
  jh_library_add_clause (third, b3);
  jh_library_add_clause (third, d3);
  jh_library_set_append (set, first);
  jh_library_set_append (set, second);
  jh_library_set_append (set, third);

  clauses = jh_library_set_get_clauses (set);
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

      g_assert_true (clause == expected[i]);
      g_assert_true (jh_library_set_find_clause (set, jh_clause_get_id (clause)) == clause);
    }
  g_assert_null (jh_library_set_find_clause (set, "test.none"));

  /* Removing the last wording puts the earlier one in force again. */
  g_assert_true (jh_library_remove_clause (third, "test.b"));
  g_assert_true (jh_library_set_find_clause (set, "test.b") == b1);
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, G_N_ELEMENTS (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jihua/library/values-as-schema", test_values_as_schema);
  g_test_add_func ("/jihua/library/tags-parse", test_tags_parse);
  g_test_add_func ("/jihua/library/user", test_user_library);
  g_test_add_func ("/jihua/library/user/from-task", test_user_library_from_task);
  g_test_add_func ("/jihua/library/save/keeps-rules", test_save_keeps_rules);
  g_test_add_func ("/jihua/library/save/refuses-invalid", test_save_refuses_invalid);
  g_test_add_func ("/jihua/library/user/broken-kept", test_broken_user_library_kept);
  g_test_add_func ("/jihua/library/set/broken", test_broken_extra_libraries);
  g_test_add_func ("/jihua/library/set/clauses-in-force", test_set_clauses_in_force);
  g_test_add_func ("/jihua/library/set/watch", test_watch_folder);
  g_test_add_func ("/jihua/checks/ignore", test_ignore_finding);
  g_test_add_func ("/jihua/checks/disabled-rules", test_disabled_rules);

  return g_test_run ();
}
