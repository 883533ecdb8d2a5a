/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "test-utils.h"

/* jihua-cli check as a script or an editor runs it: the text lines, the
 * JSON, the exit status, the libraries, and documents imported on the
 * fly.  The user's data folder is a temporary one.
 */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* jihua-cli with this test's own user data folder, which GLib gives the
 * test but not the programs it runs.
 */
static int
run_check (const char * const  *args,
           char               **out,
           char               **err)
{
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);

  return test_run_cli (args, out, err);
}

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "data", "sample-plan.jhplan", NULL);
}

static void
test_sample_clean (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_check ((const char * const[]) { "check", sample, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
}

/* Every line as a compiler writes it: FILE:SECTION/PATH: severity:
 * message [rule-id].
 */
static void
test_text_lines (void)
{
  g_autofree char *plan = data_path ("defects.jhplan");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GRegex) line_format = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *quoted = NULL;

  g_assert_cmpint (run_check ((const char * const[]) { "check", plan, NULL }, &out, &err), ==, 1);

  quoted = g_regex_escape_string (plan, -1);
  pattern = g_strdup_printf ("^%s(:[^:]+)?: (error|warning|info): .+ \\[[a-z0-9.-]+\\]$", quoted);
  line_format = g_regex_new (pattern, 0, 0, NULL);

  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_test_message ("%s", lines[i]);
      g_assert_true (g_regex_match (line_format, lines[i], 0, NULL));
    }

  g_assert_nonnull (strstr (out, ": error: “20xx” is a year left unfilled [placeholder.year]"));
  g_assert_nonnull (strstr (out, ":指导思想: error: "));
  g_assert_nonnull (strstr (out, ":主要任务/1: warning: The enumeration “四是” does not follow on; expected “三是” [numbering.shi]"));
}

static JsonObject *
find_object (JsonArray  *array,
             const char *rule)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (object, "rule"), rule))
        return object;
    }

  return NULL;
}

static void
test_json (void)
{
  static const char * const fields[] = { "rule", "category", "severity", "section", "path", "paragraph",
                                         "offset", "length", "text", "context", "message", "fixes" };
  g_autofree char *plan = data_path ("defects.jhplan");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *findings;
  JsonObject *object;
  JsonArray *fixes;

  g_assert_cmpint (run_check ((const char * const[]) { "check", "--format", "json", plan, NULL }, &out, &err), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  findings = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (findings), >=, 5);

  for (guint i = 0; i < json_array_get_length (findings); i++)
    for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
      g_assert_true (json_object_has_member (json_array_get_object_element (findings, i), fields[j]));

  /* 一是…;二是…；四是…: the half-width semicolon in the first task. */
  object = find_object (findings, "punctuation.half-width");
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member (object, "category"), ==, "punctuation");
  g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (object, "section"), ==, "主要任务");
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, "1");
  g_assert_cmpint (json_object_get_int_member (object, "paragraph"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "offset"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (object, "length"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, ";");
  g_assert_cmpstr (json_object_get_string_member (object, "context"), ==,
                   "一是深入社区走访;二是召开居民座谈会；四是形成调研报告，报送街道党工委。");
  fixes = json_object_get_array_member (object, "fixes");
  g_assert_cmpuint (json_array_get_length (fixes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fixes, 0), "replacement"), ==, "；");

  object = find_object (findings, "placeholder.year");
  g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, "error");
  g_assert_true (json_object_get_null_member (object, "section"));
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "20xx");
}

static void
test_libraries (void)
{
  g_autofree char *folder = g_dir_make_tmp ("jihua-check-XXXXXX", NULL);
  g_autofree char *plan = g_build_filename (folder, "old-name.jhplan", NULL);
  g_autofree char *library = data_path ("library-good.jhlib");
  g_autofree char *broken = data_path ("library-broken.jhlib");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *contents =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"http://jihua.github.io/ns/plan\" format-version=\"1\" status=\"draft\" year=\"2027\">\n"
    "  <title>20xx年青石桥街道政协工委工作计划</title>\n"
    "</plan>\n";

  g_assert_true (g_file_set_contents (plan, contents, -1, NULL));

  /* Only the library given: its rule, none of the built-in ones. */
  g_assert_cmpint (run_check ((const char * const[]) { "check", "--no-builtin", "--library", library, plan, NULL },
                                 &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "[qingqiao.old-name]"));
  g_assert_null (strstr (out, "placeholder.year"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Both: the unfilled year is an error. */
  g_assert_cmpint (run_check ((const char * const[]) { "check", "-l", library, plan, NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "[qingqiao.old-name]"));
  g_assert_nonnull (strstr (out, "[placeholder.year]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A broken library asked for is bad input, named. */
  g_assert_cmpint (run_check ((const char * const[]) { "check", "--library", broken, plan, NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "library-broken.jhlib:7"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The user's own library is used. */
  {
    g_autofree char *user_folder = g_build_filename (g_get_user_data_dir (), "jihua", NULL);
    g_autofree char *user_library = g_build_filename (user_folder, "library.jhlib", NULL);
    g_autofree char *good = NULL;
    gsize length;

      g_assert_true (g_file_get_contents (library, &good, &length, NULL));
    g_assert_cmpint (g_mkdir_with_parents (user_folder, 0700), ==, 0);
    g_assert_true (g_file_set_contents (user_library, good, length, NULL));

    g_assert_cmpint (run_check ((const char * const[]) { "check", plan, NULL }, &out, &err), ==, 1);
    g_assert_nonnull (strstr (out, "[qingqiao.old-name]"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    /* Broken, it only warns. */
    g_assert_true (g_file_set_contents (user_library, "<library", -1, NULL));
    g_assert_cmpint (run_check ((const char * const[]) { "check", plan, NULL }, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "warning"));
    g_assert_nonnull (strstr (err, "library.jhlib"));
    g_assert_null (strstr (out, "[qingqiao.old-name]"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_unlink (user_library);
  }

  g_unlink (plan);
  g_rmdir (folder);
}

static void
test_bad_input (void)
{
  g_autofree char *bad_plan = data_path ("bad-year.jhplan");
  g_autofree char *sample = sample_path ();
  g_autofree char *missing = data_path ("no-such-plan.jhplan");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_check ((const char * const[]) { "check", bad_plan, NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "bad-year.jhplan"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_check ((const char * const[]) { "check", missing, NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "no-such-plan.jhplan"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_check ((const char * const[]) { "check", "--format", "xml", sample, NULL }, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_check ((const char * const[]) { "check", NULL }, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_check ((const char * const[]) { "check", "notes.xyz", NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "notes.xyz"));
}

/* A document of last year, imported on the fly. */
static void
test_imported_text (void)
{
  g_autofree char *folder = g_dir_make_tmp ("jihua-check-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "计划.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *text =
    "青桥街道政协工委2027年工作计划\n"
    "\n"
    "一、指导思想\n"
    "以习近平新时代中国特色社会主义思想为指导,坚持团结和民主两大主题。\n"
    "二、主要任务\n"
    "一是加强理论学习；二是开展专题调研；四是做好社情民意信息工作。\n"
    "三、保障措施\n"
    "加强组织领导，由××同志具体负责，落实工作经费。\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  g_assert_cmpint (run_check ((const char * const[]) { "check", path, NULL }, &out, &err), ==, 1);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "[punctuation.half-width]"));
  g_assert_nonnull (strstr (out, "[numbering.shi]"));
  g_assert_nonnull (strstr (out, "××"));

  g_unlink (path);
  g_rmdir (folder);
}

/* Last year's plan beside the file: what was copied unchanged lights up. */
static void
test_carried_over (void)
{
  g_autofree char *plan = data_path ("carried-2027.jhplan");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_check ((const char * const[]) { "check", plan, NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "[reuse.carried-over]"));
  g_assert_nonnull (strstr (out, "[formulation.19th-congress]"));
  g_assert_nonnull (strstr (out, "[formulation.14th-five-year]"));
  g_assert_nonnull (strstr (out, "[formulation.two-studies]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The superseded clause, with its difference from the current one. */
  g_assert_cmpint (run_check ((const char * const[]) { "check", "--format=json", plan, NULL }, &out, &err), ==, 1);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *object;

    g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
    object = find_object (json_node_get_array (json_parser_get_root (parser)), "reuse.superseded-clause");
    g_assert_nonnull (object);
    g_assert_nonnull (strstr (json_object_get_string_member (object, "diff"), "{+"));
    g_assert_nonnull (strstr (json_object_get_string_member (object, "diff"), "[-"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jihua/cli/check/sample", test_sample_clean);
  g_test_add_func ("/jihua/cli/check/text", test_text_lines);
  g_test_add_func ("/jihua/cli/check/json", test_json);
  g_test_add_func ("/jihua/cli/check/libraries", test_libraries);
  g_test_add_func ("/jihua/cli/check/bad-input", test_bad_input);
  g_test_add_func ("/jihua/cli/check/imported", test_imported_text);
  g_test_add_func ("/jihua/cli/check/carried-over", test_carried_over);

  return g_test_run ();
}
