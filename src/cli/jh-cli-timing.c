/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jihua.h"
#include "jh-cli.h"

static char *
dup_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
add_timing (JsonBuilder *builder,
            const char  *input,
            JhTiming    *timing,
            GError      *error)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "input");
  json_builder_add_string_value (builder, input);

  if (timing == NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
      return;
    }

  json_builder_set_member_name (builder, "ranges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < jh_timing_get_n_ranges (timing); i++)
    {
      const JhTimeRange *range = jh_timing_get_range (timing, i);
      g_autofree char *end_text = NULL;
      GDate start, end;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      if (jh_time_range_get_start (range, &start))
        {
          g_autofree char *start_text = dup_iso_date (&start);

          json_builder_add_string_value (builder, start_text);
        }
      else
        {
          json_builder_add_null_value (builder);
        }

      jh_time_range_get_end (range, &end);
      end_text = dup_iso_date (&end);
      json_builder_set_member_name (builder, "end");
      json_builder_add_string_value (builder, end_text);
      json_builder_set_member_name (builder, "granularity");
      json_builder_add_string_value (builder, jh_time_granularity_to_nick (range->granularity));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "recurrence");
  if (jh_timing_get_recurrence (timing) == JH_TIME_RECURRENCE_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, jh_time_recurrence_to_nick (jh_timing_get_recurrence (timing)));

  json_builder_set_member_name (builder, "outside_plan_year");
  json_builder_add_boolean_value (builder, jh_timing_get_outside_plan_year (timing));
  json_builder_end_object (builder);
}

static void
print_text (const char *input,
            JhTiming   *timing,
            GError     *error)
{
  if (timing == NULL)
    {
      g_printerr ("%s\n", error->message);
      return;
    }

  g_print ("%s:", input);
  for (guint i = 0; i < jh_timing_get_n_ranges (timing); i++)
    {
      const JhTimeRange *range = jh_timing_get_range (timing, i);
      GDate start, end;

      jh_time_range_get_end (range, &end);
      if (jh_time_range_get_start (range, &start))
        g_print (" %04u-%02u-%02u..", g_date_get_year (&start), g_date_get_month (&start), g_date_get_day (&start));
      else
        g_print (" ..");
      g_print ("%04u-%02u-%02u", g_date_get_year (&end), g_date_get_month (&end), g_date_get_day (&end));
    }
  if (jh_timing_get_recurrence (timing) != JH_TIME_RECURRENCE_NONE)
    g_print (" (%s)", jh_time_recurrence_to_nick (jh_timing_get_recurrence (timing)));
  if (jh_timing_get_outside_plan_year (timing))
    g_print (" [%s]", _("outside the plan year"));
  g_print ("\n");
}

static int
run_timing (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = jh_cli_option_context_new (&jh_cli_command_timing);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *format = NULL;
  int year = 0;
  int status;
  int n_failed = 0;
  gboolean json;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The plan year (default: next year)"), N_("YEAR") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: json (default) or text"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text"))
    {
      g_printerr ("jihua-cli timing: %s\n", _("the format must be json or text"));
      return JH_CLI_EXIT_USAGE;
    }
  json = format == NULL || g_str_equal (format, "json");

  /* Plans are drafted for the coming year. */
  if (year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now) + 1;
    }

  if (year < JH_PLAN_MIN_YEAR || year > JH_PLAN_MAX_YEAR)
    {
      g_printerr ("jihua-cli timing: %s\n", _("the year is out of range"));
      return JH_CLI_EXIT_USAGE;
    }

  if (argc < 2)
    {
      g_printerr ("jihua-cli timing: %s\n", _("no expression given"));
      return JH_CLI_EXIT_USAGE;
    }

  json_builder_begin_array (builder);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JhTiming) timing = jh_timing_parse (argv[i], year, &error);

      if (timing == NULL)
        {
          n_failed++;
          if (json)
            g_printerr ("%s\n", error->message);
        }

      if (json)
        add_timing (builder, argv[i], timing, error);
      else
        print_text (argv[i], timing, error);
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }

  return n_failed == 0 ? JH_CLI_EXIT_OK : JH_CLI_EXIT_FAILURE;
}

const JhCliCommand jh_cli_command_timing = {
  .name = "timing",
  .parameters = N_("EXPRESSION…"),
  .summary = N_("Turn time expressions of plans (5月中旬, 第三季度, 每月) into dates"),
  .run = run_timing,
};
