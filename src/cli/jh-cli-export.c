/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jihua.h"
#include "jh-cli.h"

/* One command writes every kind of file made from a plan: the timeline
 * as an image or PDF now, the document as ODT or PDF next.  Each format
 * is a row of this table; "pdf" is kept for the document, which is what
 * a user printing "the plan" means, so the timeline's PDF is
 * "timeline-pdf".
 */
typedef gboolean (*ExportFunc) (JhPlan   *plan,
                                int       format,
                                GFile    *out,
                                GError  **error);

typedef struct
{
  const char *name;
  ExportFunc  export;
  int         format;
} ExportFormat;

static gboolean
export_timeline (JhPlan  *plan,
                 int      format,
                 GFile   *out,
                 GError **error)
{
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);

  return jh_timeline_export (schedule, format, out, error);
}

/* The document, laid out to the profile --profile names, or to GB/T
 * 9704-2012's when it names none.
 */
static JhPageProfile *document_profile;
static gboolean include_timeline;
static gboolean schedule_table;

static gboolean
export_document (JhPlan  *plan,
                 int      format,
                 GFile   *out,
                 GError **error)
{
  JhLayoutFlags flags = JH_LAYOUT_FLAGS_NONE;
  g_autoptr(JhLayout) layout = NULL;

  if (include_timeline)
    flags |= JH_LAYOUT_INCLUDE_TIMELINE;
  if (schedule_table)
    flags |= JH_LAYOUT_SCHEDULE_AS_TABLE;
  layout = jh_layout_new (plan, document_profile, flags);

  return jh_export (layout, format, out, NULL, error);
}

static const ExportFormat formats[] = {
  { "odt", export_document, JH_EXPORT_FORMAT_ODT },
  { "pdf", export_document, JH_EXPORT_FORMAT_PDF },
  { "png", export_timeline, JH_TIMELINE_FORMAT_PNG },
  { "svg", export_timeline, JH_TIMELINE_FORMAT_SVG },
  { "timeline-pdf", export_timeline, JH_TIMELINE_FORMAT_PDF },
};

static const ExportFormat *
find_format (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].name, name))
      return &formats[i];

  return NULL;
}

static char *
dup_format_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, formats[i].name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Messages name the file as the user typed it, like a compiler's. */
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
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  return jh_plan_load_from_bytes (bytes, path, error);
}

static int
run_export (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = jh_cli_option_context_new (&jh_cli_command_export);
  g_autofree char *format_name = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *profile_path = NULL;
  g_autofree char *names = dup_format_names ();
  g_autoptr(JhPageProfile) profile = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const ExportFormat *format;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("What to write: odt or pdf (the document), png, svg or timeline-pdf (the timeline)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write to OUT, replacing it if it exists"), N_("OUT") },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path, N_("Lay the document (odt, pdf) out as the page profile PROFILE says"), N_("PROFILE") },
    { "timeline", 't', 0, G_OPTION_ARG_NONE, &include_timeline, N_("End the PDF with the timeline on landscape pages"), NULL },
    { "schedule-table", 0, 0, G_OPTION_ARG_NONE, &schedule_table, N_("Print the schedule section (odt, pdf) as a table of the tasks' timings"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (format_name == NULL || output_path == NULL || argc != 2)
    {
      g_printerr ("jihua-cli export: %s\n", _("give --format FORMAT, -o OUT and one plan FILE"));
      return JH_CLI_EXIT_USAGE;
    }

  format = find_format (format_name);
  if (format == NULL)
    {
      g_printerr (_("jihua-cli export: unknown format “%s”; the formats are: %s\n"), format_name, names);
      return JH_CLI_EXIT_USAGE;
    }

  if ((profile_path != NULL || schedule_table) && format->export != export_document)
    {
      g_printerr ("jihua-cli export: %s\n", _("--profile and --schedule-table are for the document formats, odt and pdf"));
      return JH_CLI_EXIT_USAGE;
    }

  if (include_timeline && (format->export != export_document || format->format != JH_EXPORT_FORMAT_PDF))
    {
      g_printerr ("jihua-cli export: %s\n", _("--timeline is for the document as a PDF"));
      return JH_CLI_EXIT_USAGE;
    }

  if (profile_path != NULL)
    {
      g_autoptr(GFile) profile_file = g_file_new_for_commandline_arg (profile_path);

      profile = jh_page_profile_new_from_file (profile_file, NULL, &error);
      if (profile == NULL)
        {
          g_printerr ("%s\n", error->message);
          return JH_CLI_EXIT_FAILURE;
        }
    }

  plan = load_plan (argv[1], &error);
  output = g_file_new_for_commandline_arg (output_path);
  document_profile = profile;
  if (plan == NULL || !format->export (plan, format->format, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return JH_CLI_EXIT_FAILURE;
    }

  return JH_CLI_EXIT_OK;
}

const JhCliCommand jh_cli_command_export = {
  .name = "export",
  .parameters = N_("FILE"),
  .summary = N_("Export a plan as a document (odt, pdf), or its timeline as an image (png, svg) or a PDF (timeline-pdf)"),
  .run = run_export,
};
