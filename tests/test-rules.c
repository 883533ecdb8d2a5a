/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jihua.h"
#include "jh-pattern-private.h"
#include "test-utils.h"

/* The rule self-tests, as LanguageTool and `vale test` have them: every
 * rule of every library Jihua ships runs on its own examples, and a rule
 * without examples both ways, or whose examples do not fire, fails the
 * build.  Also: the built-in library's clauses cover every kind of
 * section; library load errors; patterns that would backtrack forever.
 */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
assert_library_passes (JhLibrary *library)
{
  g_autoptr(GPtrArray) failures = NULL;
  GListModel *rules = jh_library_get_rules (library);

  g_assert_cmpuint (g_list_model_get_n_items (rules), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(JhRule) rule = g_list_model_get_item (rules, i);

      g_assert_cmpuint (jh_rule_get_n_examples (rule), >=, 2);
    }

  if (!jh_library_test (library, &failures))
    {
      for (guint i = 0; i < failures->len; i++)
        g_test_message ("%s", (const char *) g_ptr_array_index (failures, i));
      g_test_fail_printf ("%s: %u rule examples failed", jh_library_get_name (library), failures->len);
    }
}

/* Every .jhlib that data/ installs, and the built-in library as the
 * program has it compiled in.
 */
static void
test_shipped_libraries (void)
{
  g_autoptr(JhLibrary) builtin = jh_library_new_builtin ();
  g_autofree char *folder = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "data", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n_files = 0;

  assert_library_passes (builtin);

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(JhLibrary) library = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".jhlib"))
        continue;

      path = g_build_filename (folder, name, NULL);
      file = g_file_new_for_path (path);
      library = jh_library_load_from_file (file, NULL, &error);
      g_assert_no_error (error);
      assert_library_passes (library);
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 1);
}

static void
test_builtin_coverage (void)
{
  g_autoptr(JhLibrary) builtin = jh_library_new_builtin ();
  g_autoptr(GEnumClass) kinds = g_type_class_ref (JH_TYPE_SECTION_KIND);
  GListModel *clauses = jh_library_get_clauses (builtin);
  g_autofree guint *per_kind = g_new0 (guint, kinds->n_values);
  g_autoptr(GHashTable) categories = g_hash_table_new (NULL, NULL);
  GListModel *rules = jh_library_get_rules (builtin);
  guint n_current = 0;

  g_assert_cmpuint (g_list_model_get_n_items (clauses), >=, 150);

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);
      guint n_clause_kinds;
      const JhSectionKind *clause_kinds = jh_clause_get_kinds (clause, &n_clause_kinds);

      g_assert_cmpuint (n_clause_kinds, >, 0);
      g_assert_cmpstr (jh_clause_get_title (clause), !=, "");
      g_assert_cmpstr (jh_clause_get_text (clause), !=, "");
      for (guint j = 0; j < n_clause_kinds; j++)
        per_kind[clause_kinds[j]]++;
      if (jh_clause_get_status (clause) == JH_CLAUSE_STATUS_CURRENT)
        n_current++;
    }

  g_assert_cmpuint (n_current, >=, 140);
  for (guint k = 0; k < kinds->n_values; k++)
    {
      g_test_message ("%s: %u clauses", kinds->values[k].value_nick, per_kind[kinds->values[k].value]);
      g_assert_cmpuint (per_kind[kinds->values[k].value], >=, 5);
    }

  /* Every category has at least one rule. */
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(JhRule) rule = g_list_model_get_item (rules, i);

      g_hash_table_add (categories, GINT_TO_POINTER (jh_rule_get_category (rule) + 1));
    }
  g_assert_cmpuint (g_hash_table_size (categories), ==, JH_RULE_CATEGORY_REUSE + 1);
}

static JhLibrary *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return jh_library_load_from_file (file, NULL, error);
}

static void
test_nonfiring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhLibrary) library = load_fixture ("library-nonfiring.jhlib", &error);
  g_autoptr(GPtrArray) failures = NULL;

  g_assert_no_error (error);
  g_assert_false (jh_library_test (library, &failures));
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (failures, 0), "silent.rule"));
  g_assert_nonnull (strstr (g_ptr_array_index (failures, 0), "library-nonfiring.jhlib"));
}

static void
test_refused (gconstpointer data)
{
  const char * const *expected = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JhLibrary) library = load_fixture (expected[0], &error);

  g_assert_null (library);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected[0]));
  g_assert_nonnull (strstr (error->message, expected[1]));
}

static void
test_unsafe_patterns (void)
{
  const char * const unsafe[] = { "(十+)+年", "(a|aa)*b", "(?:x*)*y", "((ab)+c)+", "(a+){2,}" };
  const char * const safe[] = { "十[九八]大", "20[0-9]{2}年", "(十九|十八)届", "两学一做", "[，。]{2,}" };

  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (_jh_regex_check_safe (unsafe[i], &error));
      g_assert_error (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (safe); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (_jh_regex_check_safe (safe[i], &error));
      g_assert_no_error (error);
    }
}

/* A pattern the shape test lets through may still be slow (polynomial):
 * PCRE's backtracking limit and the bounded input end it with an error,
 * not a hang.
 */
static void
test_bounded_match (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPattern) pattern = _jh_pattern_new ("a*a*a*a*a*a*b", TRUE, &error);
  g_autofree char *text = g_strnfill (100000, 'a');
  g_autoptr(GArray) matches = NULL;

  g_assert_no_error (error);

  matches = _jh_pattern_find_all (pattern, text, &error);
  if (matches != NULL)
    g_assert_cmpuint (matches->len, ==, 0);
  else
    g_assert_nonnull (error);
}

static void
test_cli_library_test (void)
{
  g_autofree char *good = data_path ("library-good.jhlib");
  g_autofree char *nonfiring = data_path ("library-nonfiring.jhlib");
  g_autofree char *broken = data_path ("library-broken.jhlib");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = test_run_cli ((const char * const[]) { "library", "test", "--builtin", good, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "library-good.jhlib: 1 rule, 3 examples: all passed"));
  g_assert_nonnull (strstr (out, "all passed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = test_run_cli ((const char * const[]) { "library", "test", good, nonfiring, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "silent.rule"));
  g_assert_nonnull (strstr (out, "library-nonfiring.jhlib: 1 failure"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = test_run_cli ((const char * const[]) { "library", "test", broken, good, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "library-broken.jhlib:7"));
  g_assert_nonnull (strstr (out, "library-good.jhlib: 1 rule"));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const one_sided[] = { "library-one-sided.jhlib", "one.sided" };
  static const char * const catastrophic[] = { "library-catastrophic.jhlib", "bad.backtracking" };
  static const char * const doctype[] = { "library-doctype.jhlib", "DOCTYPE" };
  static const char * const broken[] = { "library-broken.jhlib", ":7:" };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/rules/shipped", test_shipped_libraries);
  g_test_add_func ("/jihua/rules/builtin-coverage", test_builtin_coverage);
  g_test_add_func ("/jihua/rules/nonfiring", test_nonfiring);
  g_test_add_data_func ("/jihua/rules/refused/one-sided", one_sided, test_refused);
  g_test_add_data_func ("/jihua/rules/refused/catastrophic", catastrophic, test_refused);
  g_test_add_data_func ("/jihua/rules/refused/doctype", doctype, test_refused);
  g_test_add_data_func ("/jihua/rules/refused/broken", broken, test_refused);
  g_test_add_func ("/jihua/rules/unsafe-patterns", test_unsafe_patterns);
  g_test_add_func ("/jihua/rules/bounded-match", test_bounded_match);
  g_test_add_func ("/jihua/rules/cli", test_cli_library_test);

  return g_test_run ();
}
