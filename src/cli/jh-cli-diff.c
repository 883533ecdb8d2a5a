/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <json-glib/json-glib.h>

#include "jihua.h"
#include "jh-cli.h"

/* jihua-cli diff OLD NEW: what became of last year's tasks. */

static JhPlan *
load_plan (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = jh_file_load_bytes (file, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
      return NULL;
    }

  return jh_plan_load_from_bytes (bytes, path, error);
}

/* "主要任务/3.1 加强理论学习": where a task is, and what it says. */
static char *
dup_task_place (JhTask *task)
{
  JhSection *section = jh_task_get_section (task);
  g_autofree char *path = jh_task_dup_path (task);
  const char *section_title = "";

  if (section != NULL)
    {
      section_title = jh_section_get_title (section);
      if (section_title == NULL || *section_title == '\0')
        section_title = jh_section_kind_get_title (jh_section_get_kind (section));
    }

  return g_strdup_printf ("%s/%s %s", section_title, path, jh_task_get_lead (task));
}

static char *
dup_target_text (JhTarget *target)
{
  g_autofree char *number = g_strdup_printf ("%g", jh_target_get_number (target));

  return g_strdup_printf ("%s %s %s%s", jh_target_get_metric (target),
                          jh_comparison_get_symbol (jh_target_get_comparison (target)),
                          number, jh_target_get_unit (target));
}

static const char *
describe_change (JhTaskChange change)
{
  switch (change)
    {
    case JH_TASK_CHANGE_NEW:
      return _("new");
    case JH_TASK_CHANGE_DROPPED:
      return _("dropped");
    case JH_TASK_CHANGE_CARRIED:
      return _("carried over");
    case JH_TASK_CHANGE_SAME:
    default:
      return _("unchanged");
    }
}

/* The lead and the paragraphs that changed, each with its changes
 * marked [-removed-] {+added+}; the unchanged ones are left out.
 */
static void
print_rewording (JhTask *old_task,
                 JhTask *new_task)
{
  g_autofree char *old_text = jh_task_dup_text_for_diff (old_task);
  g_autofree char *new_text = jh_task_dup_text_for_diff (new_task);
  g_auto(GStrv) old_lines = g_strsplit (old_text, "\n", -1);
  g_auto(GStrv) new_lines = g_strsplit (new_text, "\n", -1);
  guint n_old = g_strv_length (old_lines);
  guint n_new = g_strv_length (new_lines);

  for (guint i = 0; i < MAX (n_old, n_new); i++)
    {
      const char *before = i < n_old ? old_lines[i] : "";
      const char *after = i < n_new ? new_lines[i] : "";
      g_autoptr(GPtrArray) chunks = NULL;
      g_autofree char *shown = NULL;

      if (g_strcmp0 (before, after) == 0)
        continue;

      chunks = jh_text_diff (before, after);
      shown = jh_text_diff_format (chunks);
      g_print (_("  reworded: %s\n"), shown);
    }
}

static void
print_text (JhPlanDiff *diff)
{
  GPtrArray *matches = jh_plan_diff_get_matches (diff);
  g_auto(GStrv) changed = jh_plan_diff_dup_changed_properties (diff);

  for (guint i = 0; changed[i] != NULL; i++)
    g_print (_("property changed: %s\n"), changed[i]);

  for (guint i = 0; i < matches->len; i++)
    {
      JhTaskMatch *match = g_ptr_array_index (matches, i);
      JhTaskChange change = jh_task_match_get_change (match);
      JhTaskChangeFlags flags = jh_task_match_get_flags (match);
      JhTask *old_task = jh_task_match_get_old_task (match);
      JhTask *new_task = jh_task_match_get_new_task (match);
      g_autofree char *place = dup_task_place (new_task != NULL ? new_task : old_task);

      if (change == JH_TASK_CHANGE_SAME)
        continue;

      g_print ("%s: %s\n", describe_change (change), place);

      if (flags & JH_TASK_CHANGE_MOVED)
        {
          g_autofree char *old_place = dup_task_place (old_task);

          g_print (_("  moved, from %s\n"), old_place);
        }
      if (flags & JH_TASK_CHANGE_REWORDED)
        print_rewording (old_task, new_task);
      if (flags & JH_TASK_CHANGE_RETIMED)
        g_print (_("  retimed: %s → %s\n"), jh_task_get_timing (old_task), jh_task_get_timing (new_task));
      if (flags & JH_TASK_CHANGE_OWNER)
        g_print (_("  owner: %s → %s\n"), jh_task_get_owner (old_task), jh_task_get_owner (new_task));
      for (guint t = 0; t < jh_task_match_get_n_target_changes (match); t++)
        {
          const JhTargetChange *target_change = jh_task_match_get_target_change (match, t);
          g_autofree char *before = target_change->old_target ? dup_target_text (target_change->old_target) : g_strdup ("—");
          g_autofree char *after = target_change->new_target ? dup_target_text (target_change->new_target) : g_strdup ("—");

          g_print (_("  target: %s → %s\n"), before, after);
        }
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u paragraph copied word for word\n",
                        "%u paragraphs copied word for word\n",
                        jh_plan_diff_get_n_copied (diff)),
           jh_plan_diff_get_n_copied (diff));
}

static void
add_task_member (JsonBuilder *builder,
                 const char  *name,
                 JhTask      *task)
{
  g_autofree char *path = NULL;

  json_builder_set_member_name (builder, name);
  if (task == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  path = jh_task_dup_path (task);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "section");
  json_builder_add_string_value (builder, jh_section_kind_to_nick (jh_section_get_kind (jh_task_get_section (task))));
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "lead");
  json_builder_add_string_value (builder, jh_task_get_lead (task));
  json_builder_set_member_name (builder, "timing");
  json_builder_add_string_value (builder, jh_task_get_timing (task));
  json_builder_end_object (builder);
}

static void
add_flag (JsonBuilder       *builder,
          JhTaskChangeFlags  flags,
          JhTaskChangeFlags  flag,
          const char        *name)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, (flags & flag) != 0);
}

static void
print_json (JhPlanDiff *diff)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) changed = jh_plan_diff_dup_changed_properties (diff);
  GPtrArray *matches = jh_plan_diff_get_matches (diff);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "same");
  json_builder_add_boolean_value (builder, jh_plan_diff_is_same (diff));

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_array (builder);
  for (guint i = 0; changed[i] != NULL; i++)
    json_builder_add_string_value (builder, changed[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < matches->len; i++)
    {
      JhTaskMatch *match = g_ptr_array_index (matches, i);
      JhTaskChangeFlags flags = jh_task_match_get_flags (match);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "change");
      json_builder_add_string_value (builder, jh_task_change_to_nick (jh_task_match_get_change (match)));
      json_builder_set_member_name (builder, "similarity");
      json_builder_add_double_value (builder, round (jh_task_match_get_similarity (match) * 1000) / 1000);
      add_task_member (builder, "old", jh_task_match_get_old_task (match));
      add_task_member (builder, "new", jh_task_match_get_new_task (match));
      add_flag (builder, flags, JH_TASK_CHANGE_REWORDED, "reworded");
      add_flag (builder, flags, JH_TASK_CHANGE_MOVED, "moved");
      add_flag (builder, flags, JH_TASK_CHANGE_RETIMED, "retimed");
      add_flag (builder, flags, JH_TASK_CHANGE_OWNER, "owner_changed");

      json_builder_set_member_name (builder, "targets");
      json_builder_begin_array (builder);
      for (guint t = 0; t < jh_task_match_get_n_target_changes (match); t++)
        {
          const JhTargetChange *change = jh_task_match_get_target_change (match, t);
          g_autofree char *before = change->old_target ? dup_target_text (change->old_target) : NULL;
          g_autofree char *after = change->new_target ? dup_target_text (change->new_target) : NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "metric");
          json_builder_add_string_value (builder, change->metric);
          json_builder_set_member_name (builder, "old");
          before ? json_builder_add_string_value (builder, before) : json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "new");
          after ? json_builder_add_string_value (builder, after) : json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "direction");
          json_builder_add_string_value (builder, change->direction > 0 ? "raised" : change->direction < 0 ? "lowered"
                                                  : change->old_target == NULL ? "added"
                                                  : change->new_target == NULL ? "dropped" : "changed");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "copied_paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < jh_plan_diff_get_n_copied (diff); i++)
    json_builder_add_string_value (builder, jh_paragraph_get_text (jh_plan_diff_get_copied (diff, i)->new_paragraph));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
}

static int
run_diff (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = jh_cli_option_context_new (&jh_cli_command_diff);
  g_autofree char *format = NULL;
  g_autoptr(JhPlan) old_plan = NULL;
  g_autoptr(JhPlan) new_plan = NULL;
  g_autoptr(JhPlanDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (format != NULL && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "json") != 0)
    {
      g_printerr ("jihua-cli diff: %s\n", _("the format is text or json"));
      return JH_CLI_EXIT_USAGE;
    }

  if (argc != 3)
    {
      g_printerr ("jihua-cli diff: %s\n", _("give two plan files, the old and the new"));
      return JH_CLI_EXIT_USAGE;
    }

  if ((old_plan = load_plan (argv[1], &error)) == NULL ||
      (new_plan = load_plan (argv[2], &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return JH_CLI_EXIT_USAGE;
    }

  diff = jh_plan_diff_new (old_plan, new_plan);
  if (g_strcmp0 (format, "json") == 0)
    print_json (diff);
  else
    print_text (diff);

  return jh_plan_diff_is_same (diff) ? JH_CLI_EXIT_OK : JH_CLI_EXIT_FAILURE;
}

const JhCliCommand jh_cli_command_diff = {
  .name = "diff",
  .parameters = N_("OLD NEW"),
  .summary = N_("Compare two plans: tasks new, dropped and carried over, moved, retimed, targets raised or lowered, paragraphs copied"),
  .run = run_diff,
};
