/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <string.h>

#include "jh-clause-index.h"
#include "jh-harvest.h"
#include "jh-section.h"
#include "jh-task.h"
#include "jh-paragraph.h"

/**
 * JhHarvester:
 *
 * Turns the paragraphs of imported prior-year documents into clauses of
 * a library, each with where it was found: file, document title, year,
 * kind of section.
 *
 * Plans of successive years repeat themselves with a year or a name
 * changed, and users keep the same plan as .txt, .doc and .docx; so a
 * paragraph is first looked up among the clauses already there, by
 * similarity of character trigrams, and when found it adds a source to
 * that clause instead of a clause to the library.  The organization's
 * name and the year are replaced by the variables {单位} and {年份}, so
 * that the wording is reusable and the same clause of two years or two
 * offices compares equal.
 */

/* The tag of clauses harvesting made. */
#define HARVESTED_TAG "harvested"

G_DEFINE_BOXED_TYPE (JhHarvestReport, jh_harvest_report, jh_harvest_report_copy, jh_harvest_report_free)

JhHarvestReport *
jh_harvest_report_copy (const JhHarvestReport *report)
{
  JhHarvestReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_memdup2 (report, sizeof *report);
  copy->file = g_strdup (report->file);
  copy->error = report->error ? g_error_copy (report->error) : NULL;

  return copy;
}

void
jh_harvest_report_free (JhHarvestReport *report)
{
  if (report == NULL)
    return;

  g_free (report->file);
  g_clear_error (&report->error);
  g_free (report);
}

struct _JhHarvester
{
  GObject        parent_instance;

  JhLibrary     *library;
  JhClauseIndex *index;
};

G_DEFINE_FINAL_TYPE (JhHarvester, jh_harvester, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jh_harvester_dispose (GObject *object)
{
  JhHarvester *self = (JhHarvester *) object;

  g_clear_object (&self->index);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (jh_harvester_parent_class)->dispose (object);
}

static void
jh_harvester_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JhHarvester *self = JH_HARVESTER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_harvester_class_init (JhHarvesterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jh_harvester_dispose;
  object_class->get_property = jh_harvester_get_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, JH_TYPE_LIBRARY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_harvester_init (JhHarvester *self)
{
  self->index = jh_clause_index_new ();
}

/**
 * jh_harvester_new:
 * @library: the library to add clauses to, usually the user's
 *
 * A harvester for @library.  The clauses it has already are found
 * again: harvesting the same files twice adds nothing.
 *
 * Returns: (transfer full): a new harvester
 */
JhHarvester *
jh_harvester_new (JhLibrary *library)
{
  JhHarvester *self;
  GListModel *clauses;

  g_return_val_if_fail (JH_IS_LIBRARY (library), NULL);

  self = g_object_new (JH_TYPE_HARVESTER, NULL);
  self->library = g_object_ref (library);

  clauses = jh_library_get_clauses (library);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

      jh_clause_index_add (self->index, clause, jh_clause_get_text (clause));
    }

  return self;
}

/**
 * jh_harvester_get_library:
 * @self: a #JhHarvester
 *
 * Returns: (transfer none): the library clauses are added to
 */
JhLibrary *
jh_harvester_get_library (JhHarvester *self)
{
  g_return_val_if_fail (JH_IS_HARVESTER (self), NULL);

  return self->library;
}

static void
replace_all (GString    *text,
             const char *needle,
             const char *replacement)
{
  if (needle == NULL || *needle == '\0')
    return;

  g_string_replace (text, needle, replacement, 0);
}

/* The organization's name where it stands as a name: "街道政协" in
 * "香山街道政协工委" is part of another name and stays.  A name starts
 * the text or follows punctuation, or a year ("{年份}年街道联组将…").
 */
static void
replace_name (GString    *text,
              const char *name)
{
  gsize name_len = strlen (name);
  gsize position = 0;
  char *found;

  while ((found = strstr (text->str + position, name)) != NULL)
    {
      gsize offset = found - text->str;
      gboolean starts_word = TRUE;

      if (offset > 0)
        {
          const char *previous = g_utf8_find_prev_char (text->str, found);
          gunichar c = g_utf8_get_char (previous);

          starts_word = c == 0x5E74 /* 年 */ || (!g_unichar_isalnum (c) &&
                                                 g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN);
        }

      if (starts_word)
        {
          g_string_erase (text, offset, name_len);
          g_string_insert (text, offset, "{单位}");
          position = offset + strlen ("{单位}");
        }
      else
        position = offset + name_len;
    }
}

/**
 * jh_harvest_generalize:
 * @text: a paragraph of a prior document
 * @organization: (nullable): the document's organization
 * @year: the year the document states, or 0
 *
 * The paragraph as a reusable wording: its organization's name becomes
 * {单位}, its year (and the placeholder "20xx") {年份}, the year before
 * it {上年}.
 *
 * Returns: (transfer full): the generalized text
 */
char *
jh_harvest_generalize (const char *text,
                       const char *organization,
                       guint       year)
{
  static const char * const placeholders[] = { "20xx年", "20XX年", "20ｘｘ年", "２０ｘｘ年", "20**年", NULL };
  GString *result;

  g_return_val_if_fail (text != NULL, NULL);

  result = g_string_new (text);

  /* A name of one character would eat into other words; "**" and "XX"
   * are the web's placeholders for a name, not one.
   */
  if (organization != NULL && g_utf8_strlen (organization, -1) >= 3 &&
      strstr (organization, "**") == NULL && strstr (organization, "XX") == NULL)
    replace_name (result, organization);

  for (guint i = 0; placeholders[i] != NULL; i++)
    replace_all (result, placeholders[i], "{年份}年");

  if (year >= 1949)
    {
      g_autofree char *this_year = g_strdup_printf ("%u年", year);
      g_autofree char *last_year = g_strdup_printf ("%u年", year - 1);

      replace_all (result, this_year, "{年份}年");
      replace_all (result, last_year, "{上年}年");
    }

  return g_string_free (result, FALSE);
}

/* Headings, dates, signatures and the like are not clauses; nor is a
 * line of numbers or Latin text left over from a web page.
 */
static gboolean
is_clause_text (const char *text)
{
  g_autofree char *normalized = jh_text_normalize (text);
  glong n_chars = g_utf8_strlen (normalized, -1);
  glong n_han = 0;

  if (n_chars < JH_HARVEST_MIN_LENGTH)
    return FALSE;

  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      n_han++;

  return n_han * 2 >= n_chars;
}

/* A title to find the clause by in a list: the task's lead when the
 * paragraph belongs to one, else the paragraph's first phrase.
 */
static char *
make_title (const char *text,
            const char *lead)
{
  const char *source = lead != NULL && *lead != '\0' ? lead : text;
  GString *title = g_string_new (NULL);
  const char *p;
  guint n = 0;

  /* Up to the end of the first sentence, or of the first phrase once
   * it says something; 24 characters at most.
   */
  for (p = source; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == '\n' || c == '\r' ||
          (c == 0xFF0C && n >= 8))
        break;
      if (n == 24)
        {
          g_string_append (title, "…");
          break;
        }
      g_string_append_unichar (title, c);
      n++;
    }

  g_strstrip (title->str);
  if (*title->str == '\0')
    g_string_assign (title, "…");

  return g_string_free (title, FALSE);
}

static char *
make_id (JhLibrary  *library,
         const char *text)
{
  g_autofree char *normalized = jh_text_normalize (text);
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, normalized, -1);
  char *id = g_strdup_printf ("harvested.%.12s", checksum);

  for (guint i = 2; jh_library_find_clause (library, id) != NULL; i++)
    {
      g_free (id);
      id = g_strdup_printf ("harvested.%.12s-%u", checksum, i);
    }

  return id;
}

typedef struct
{
  JhHarvester     *self;
  JhHarvestReport *report;
  JhClauseSource  *document;   /* file, title, organization, year */
  const char      *organization;
  guint            year;
} Harvest;

static gboolean
is_harvested (JhClause *clause)
{
  const char * const *tags = jh_clause_get_tags (clause);

  return tags != NULL && g_strv_contains (tags, HARVESTED_TAG);
}

/* Whether @source is of a later year than every source a clause has:
 * then its wording is the current one.
 */
static gboolean
is_newest (GPtrArray            *sources,
           const JhClauseSource *source)
{
  if (source->year == 0)
    return FALSE;

  for (guint i = 0; i < sources->len; i++)
    if (((JhClauseSource *) g_ptr_array_index (sources, i))->year >= source->year)
      return FALSE;

  return TRUE;
}

/* The clause with the wording of a later year: its next version, under
 * the same id, with all it had, so that a library offers the wording
 * last used and plans that name an older version are told.
 */
static JhClause *
replace_wording (JhHarvester *self,
                 JhClause    *clause,
                 const char  *wording)
{
  g_autoptr(JhClause) revision = NULL;

  if (g_strcmp0 (jh_clause_get_text (clause), wording) == 0)
    return clause;

  revision = jh_clause_new_revision (clause, NULL, wording);
  jh_clause_index_remove (self->index, clause);
  jh_library_replace_clause (self->library, revision);
  jh_clause_index_add (self->index, revision, wording);

  return revision;
}

static void
harvest_text (Harvest       *harvest,
              const char    *text,
              const char    *lead,
              JhSectionKind  kind)
{
  JhHarvester *self = harvest->self;
  g_autoptr(JhClauseSource) source = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autofree char *wording = NULL;
  JhClause *best = NULL;
  double best_similarity = 0;

  harvest->report->n_paragraphs++;

  if (text == NULL || !is_clause_text (text))
    {
      harvest->report->n_skipped++;
      return;
    }

  wording = jh_harvest_generalize (text, harvest->organization, harvest->year);
  source = jh_clause_source_copy (harvest->document);
  jh_clause_source_set_kind (source, kind);

  matches = jh_clause_index_query (self->index, wording, JH_SIMILARITY_JACCARD, JH_HARVEST_SAME_CLAUSE);
  for (guint i = 0; i < matches->len; i++)
    {
      JhClauseIndexMatch *match = &g_array_index (matches, JhClauseIndexMatch, i);

      if (match->jaccard > best_similarity)
        {
          best = match->item;
          best_similarity = match->jaccard;
        }
    }

  if (best != NULL)
    {
      GPtrArray *sources = jh_clause_get_sources (best);

      for (guint i = 0; i < sources->len; i++)
        if (jh_clause_source_same_document (g_ptr_array_index (sources, i), source))
          {
            harvest->report->n_known++;
            return;
          }

      /* Only a wording harvesting made is replaced; one the user wrote
       * or a library shipped stays as it is.
       */
      if (is_harvested (best) && is_newest (sources, source))
        best = replace_wording (self, best, wording);
      jh_clause_add_source (best, source);
      jh_clause_add_kind (best, kind);
      harvest->report->n_merged++;
    }
  else
    {
      g_autofree char *id = make_id (self->library, wording);
      g_autofree char *title = make_title (wording, lead);
      g_autoptr(JhClause) clause = jh_clause_new (id, 1, title, wording);
      const char * const tags[] = { HARVESTED_TAG, NULL };

      jh_clause_add_kind (clause, kind);
      jh_clause_set_tags (clause, tags);
      jh_clause_add_source (clause, source);
      jh_library_add_clause (self->library, clause);
      jh_clause_index_add (self->index, clause, wording);
      harvest->report->n_added++;
    }
}

static void
harvest_paragraphs (Harvest       *harvest,
                    GListModel    *paragraphs,
                    const char    *lead,
                    JhSectionKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      harvest_text (harvest, jh_paragraph_get_text (paragraph), lead, kind);
    }
}

static void
harvest_tasks (Harvest       *harvest,
               GListModel    *tasks,
               JhSectionKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      const char *lead = jh_task_get_lead (task);

      /* A lead is mostly a heading; a lead sentence long enough is a
       * clause of its own.
       */
      if (lead != NULL && is_clause_text (lead))
        harvest_text (harvest, lead, NULL, kind);

      harvest_paragraphs (harvest, jh_task_get_paragraphs (task), lead, kind);
      harvest_tasks (harvest, jh_task_get_subtasks (task), kind);
    }
}

/**
 * jh_harvester_add_result:
 * @self: a #JhHarvester
 * @result: an imported file
 *
 * Harvests the plans of an imported file into the library.  A file that
 * could not be imported gives a report with its error.
 *
 * Returns: (transfer full): what was found and added
 */
JhHarvestReport *
jh_harvester_add_result (JhHarvester    *self,
                         JhImportResult *result)
{
  g_autoptr(JhHarvestReport) report = g_new0 (JhHarvestReport, 1);
  GFile *file;

  g_return_val_if_fail (JH_IS_HARVESTER (self), NULL);
  g_return_val_if_fail (JH_IS_IMPORT_RESULT (result), NULL);

  file = jh_import_result_get_file (result);
  report->file = file ? g_file_get_basename (file) : g_strdup (jh_import_result_get_display_name (result));

  if (jh_import_result_get_error (result) != NULL)
    {
      report->error = g_error_copy (jh_import_result_get_error (result));
      return g_steal_pointer (&report);
    }

  report->n_documents = jh_import_result_get_n_documents (result);
  for (guint i = 0; i < report->n_documents; i++)
    {
      JhImportDocument *document = jh_import_result_get_document (result, i);
      JhPlan *plan = jh_import_document_get_plan (document);
      GListModel *sections = jh_plan_get_sections (plan);
      g_autoptr(JhClauseSource) source = NULL;
      gboolean year_known;
      Harvest harvest;

      report->n_dropped += jh_import_document_get_dropped (document)->len;

      if (jh_plan_get_kind (plan) != JH_DOCUMENT_KIND_PLAN)
        continue;
      report->n_harvested_documents++;

      /* A year the importer assumed is not the document's. */
      year_known = jh_import_document_get_year_source (document) != JH_IMPORT_YEAR_ASSUMED;
      source = jh_clause_source_new (report->file, jh_plan_get_title (plan),
                                     jh_plan_get_organization (plan),
                                     year_known ? jh_plan_get_year (plan) : 0);

      harvest = (Harvest) {
        .self = self,
        .report = report,
        .document = source,
        .organization = jh_plan_get_organization (plan),
        .year = year_known ? jh_plan_get_year (plan) : 0,
      };

      for (guint j = 0; j < g_list_model_get_n_items (sections); j++)
        {
          g_autoptr(JhSection) section = g_list_model_get_item (sections, j);
          JhSectionKind kind = jh_section_get_kind (section);

          harvest_paragraphs (&harvest, jh_section_get_paragraphs (section), NULL, kind);
          harvest_tasks (&harvest, jh_section_get_tasks (section), kind);
        }
    }

  return g_steal_pointer (&report);
}
