/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "jihua.h"
#include "test-utils.h"

/* jihua-cli import, run as users run it. */

static char *
corpus_path (const char *name)
{
  return g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "..", "shared", "corpus", name, NULL);
}

/* Runs jihua-cli import with @arguments. */
static int
run_cli (const char * const  *arguments,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "import");
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);

  return test_run_cli ((const char * const *) argv->pdata, out, err);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static GPtrArray *
list_plans (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, JH_PLAN_FILE_SUFFIX))
      g_ptr_array_add (names, g_build_filename (directory, name, NULL));

  return names;
}

static void
remove_tree (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_remove (path);
    }
  g_rmdir (directory);
}

static void
test_output_dir (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("jihua-import-XXXXXX", NULL);
  g_autofree char *out_dir = g_build_filename (tmp, "plans", NULL);
  g_autofree char *c000 = corpus_path ("000_ea8348fc26a12208.txt");
  g_autofree char *c001 = corpus_path ("001_af46b2345eeacad3.docx");
  g_autofree char *c003 = corpus_path ("003_4ad841865d36761d.txt");
  const char *arguments[] = { "--output-dir", out_dir, "--format", "json", c000, c001, c003, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GHashTable) outputs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *first_contents = NULL;
  JsonArray *documents;

  g_assert_cmpint (run_cli (arguments, &out, &err), ==, 0);
  root = parse_json (out);
  documents = json_object_get_array_member (json_node_get_object (root), "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 17);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "errors")), ==, 0);

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);
      const char *output = json_object_get_string_member (document, "output");
      const char *kind = json_object_get_string_member (document, "kind");

      g_assert_nonnull (output);
      g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
      g_hash_table_add (outputs, (gpointer) output);
      g_assert_true (g_str_equal (kind, "plan") || g_str_equal (kind, "summary") || g_str_equal (kind, "rules"));
      g_assert_true (json_object_has_member (document, "sections"));
      g_assert_true (json_object_has_member (document, "tasks"));
      g_assert_true (json_object_has_member (document, "dropped"));
      g_assert_cmpint (json_object_get_int_member (document, "year"), >=, JH_PLAN_MIN_YEAR);
    }

  /* Every document went to a file of its own. */
  g_assert_cmpuint (g_hash_table_size (outputs), ==, 17);

  {
    JsonObject *first = json_array_get_object_element (documents, 0);
    JsonArray *sections = json_object_get_array_member (first, "sections");
    JsonArray *dropped = json_object_get_array_member (first, "dropped");

    g_assert_cmpstr (json_object_get_string_member (first, "source"), ==, "000_ea8348fc26a12208.txt");
    g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "街道政协小组工作计划");
    g_assert_cmpstr (json_object_get_string_member (first, "year_source"), ==, "assumed");
    g_assert_cmpstr (json_object_get_string_member (first, "organization"), ==, "香山街道政协工委");
    g_assert_cmpuint (json_array_get_length (sections), >=, 2);
    g_assert_cmpuint (json_array_get_length (dropped), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (dropped, 1), "reason"), ==, "editor-note");
  }

  plans = list_plans (out_dir);
  g_assert_cmpuint (plans->len, ==, 17);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (plans, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(JhPlan) plan = jh_plan_load_from_file (file, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (plan);
    }

  /* Names come from titles; the five plans of 000 share one. */
  {
    g_autofree char *name = g_build_filename (out_dir, "街道政协小组工作计划.jhplan", NULL);
    g_autofree char *fifth = g_build_filename (out_dir, "街道政协小组工作计划-5.jhplan", NULL);

    g_assert_true (g_file_test (name, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (fifth, G_FILE_TEST_IS_REGULAR));
    g_file_get_contents (name, &first_contents, NULL, NULL);
  }

  /* A second run never overwrites what the first wrote. */
  {
    g_autofree char *again_out = NULL;
    g_autofree char *again_err = NULL;
    g_autofree char *name = g_build_filename (out_dir, "街道政协小组工作计划.jhplan", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GPtrArray) all = NULL;
    const char *again[] = { "--output-dir", out_dir, "--year", "2020", c000, NULL };

    g_assert_cmpint (run_cli (again, &again_out, &again_err), ==, 0);
    all = list_plans (out_dir);
    g_assert_cmpuint (all->len, ==, 22);
    g_file_get_contents (name, &contents, NULL, NULL);
    g_assert_cmpstr (contents, ==, first_contents);
    g_assert_nonnull (strstr (again_out, "2020"));
  }

  remove_tree (out_dir);
  g_rmdir (tmp);
}

static void
test_single_output (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("jihua-import-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (tmp, "plan.jhplan", NULL);
  g_autofree char *single = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "tests", "data", "import", "utf16.txt", NULL);
  g_autofree char *several = corpus_path ("003_4ad841865d36761d.txt");
  const char *one[] = { "-o", output, single, NULL };
  const char *many[] = { "-o", output, several, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* Seven documents do not fit in one file. */
  g_assert_cmpint (run_cli (many, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--output-dir"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (one, &out, &err), ==, 0);
  plan = jh_plan_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jh_plan_get_kind (plan), ==, JH_DOCUMENT_KIND_PLAN);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* -o never replaces a file. */
  g_assert_cmpint (run_cli (one, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "plan.jhplan"));

  g_remove (output);
  g_rmdir (tmp);
}

static void
test_failures (void)
{
  g_autofree char *good = corpus_path ("003_4ad841865d36761d.txt");
  const char *missing[] = { "--format", "json", good, "/nonexistent/plan.txt", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *errors;

  /* A file that cannot be read: the others are still reported. */
  g_assert_cmpint (run_cli (missing, &out, &err), ==, 1);
  root = parse_json (out);
  errors = json_object_get_array_member (json_node_get_object (root), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "source"), ==,
                   "/nonexistent/plan.txt");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "documents")), ==, 7);
}

static void
test_usage (void)
{
  g_autofree char *good = corpus_path ("003_4ad841865d36761d.txt");
  const char *none[] = { NULL };
  const char *format[] = { "--format", "xml", good, NULL };
  const char *both[] = { "-o", "a.jhplan", "--output-dir", "b", good, NULL };
  const char *year[] = { "--year", "99999", good, NULL };
  const char *unknown[] = { "--frobnicate", good, NULL };
  const char * const *cases[] = { none, format, both, year, unknown };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (cases[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, !=, "");
    }
}

static void
test_text_report (void)
{
  g_autofree char *c001 = corpus_path ("001_af46b2345eeacad3.odt");
  const char *arguments[] = { c001, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (arguments, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "5 documents"));
  g_assert_nonnull (strstr (out, "summary"));
  g_assert_nonnull (strstr (out, "editor-note"));
  g_assert_cmpstr (err, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/import/cli/output-dir", test_output_dir);
  g_test_add_func ("/jihua/import/cli/single-output", test_single_output);
  g_test_add_func ("/jihua/import/cli/failures", test_failures);
  g_test_add_func ("/jihua/import/cli/usage", test_usage);
  g_test_add_func ("/jihua/import/cli/text-report", test_text_report);

  return g_test_run ();
}
