/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "test-utils.h"

static JsonArray *
parse_output (const char *out,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_json (void)
{
  const char * const args[] = { "timing", "--year", "2027", "5月中旬", "10月底以前", "每季度", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *results;
  JsonObject *result;
  JsonArray *ranges;
  JsonObject *range;

  g_assert_cmpint (test_run_cli (args, &out, &err), ==, 0);
  results = parse_output (out, parser);
  g_assert_cmpuint (json_array_get_length (results), ==, 3);

  result = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (result, "input"), ==, "5月中旬");
  g_assert_true (json_object_get_null_member (result, "recurrence"));
  ranges = json_object_get_array_member (result, "ranges");
  g_assert_cmpuint (json_array_get_length (ranges), ==, 1);
  range = json_array_get_object_element (ranges, 0);
  g_assert_cmpstr (json_object_get_string_member (range, "start"), ==, "2027-05-11");
  g_assert_cmpstr (json_object_get_string_member (range, "end"), ==, "2027-05-20");

  /* A deadline has no start. */
  result = json_array_get_object_element (results, 1);
  range = json_array_get_object_element (json_object_get_array_member (result, "ranges"), 0);
  g_assert_true (json_object_get_null_member (range, "start"));
  g_assert_cmpstr (json_object_get_string_member (range, "end"), ==, "2027-10-31");

  /* A recurrence lists every occurrence and names itself. */
  result = json_array_get_object_element (results, 2);
  g_assert_cmpstr (json_object_get_string_member (result, "recurrence"), ==, "quarterly");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "ranges")), ==, 4);
}

static void
test_rejected (void)
{
  const char * const args[] = { "timing", "--year", "2027", "3月中旬", "近期", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *results;
  JsonObject *rejected;

  g_assert_cmpint (test_run_cli (args, &out, &err), ==, 1);
  results = parse_output (out, parser);
  rejected = json_array_get_object_element (results, 1);
  g_assert_cmpstr (json_object_get_string_member (rejected, "input"), ==, "近期");
  g_assert_true (json_object_has_member (rejected, "error"));
  g_assert_false (json_object_has_member (rejected, "ranges"));

  /* The reason is also on standard error, for people. */
  g_assert_nonnull (strstr (err, "近期"));
}

static void
test_text_and_usage (void)
{
  const char * const text_args[] = { "timing", "-y", "2028", "-f", "text", "2月下旬", NULL };
  const char * const no_expression[] = { "timing", "-y", "2027", NULL };
  const char * const bad_format[] = { "timing", "-f", "xml", "5月", NULL };
  const char * const bad_year[] = { "timing", "-y", "99999", "5月", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* 2028 is a leap year. */
  g_assert_cmpint (test_run_cli (text_args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "2月下旬: 2028-02-21..2028-02-29\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (no_expression, &out, &err), ==, 2);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (bad_format, &out, &err), ==, 2);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (bad_year, &out, &err), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/cli/timing/json", test_json);
  g_test_add_func ("/jihua/cli/timing/rejected", test_rejected);
  g_test_add_func ("/jihua/cli/timing/text-and-usage", test_text_and_usage);

  return g_test_run ();
}
