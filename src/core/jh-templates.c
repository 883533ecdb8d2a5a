/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jh-core-resources.h"
#include "jh-plan-file.h"
#include "jh-templates.h"

/* The built-in templates: the standard sections of each kind of plan,
 * with guidance in 【】 where the user must write.  Their text is
 * Chinese document text; only the names in the list are translated.
 */
static const struct {
  const char *name;
  const char *title;
} templates[] = {
  { "cppcc-committee", N_("Annual work plan of a street or township CPPCC working committee") },
  { "party-branch", N_("Annual work plan of a Party branch") },
  { "office-key-points", N_("Annual key points of an office or section") },
};

/**
 * jh_templates_list:
 *
 * Returns: (transfer full) (element-type JhTemplateInfo): the built-in
 *   templates, the first the one to suggest
 */
GPtrArray *
jh_templates_list (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      JhTemplateInfo *info = g_new0 (JhTemplateInfo, 1);

      info->name = templates[i].name;
      info->title = _(templates[i].title);
      g_ptr_array_add (list, info);
    }

  return list;
}

/**
 * jh_plan_new_blank:
 * @year: the year of the plan
 *
 * Returns: (transfer full): a new plan with the four core sections, empty
 */
JhPlan *
jh_plan_new_blank (guint year)
{
  const JhSectionKind kinds[] = {
    JH_SECTION_KIND_GUIDING_IDEOLOGY,
    JH_SECTION_KIND_MAIN_TASKS,
    JH_SECTION_KIND_SCHEDULE,
    JH_SECTION_KIND_SAFEGUARDS,
  };
  JhPlan *plan = jh_plan_new (year);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(JhSection) section = jh_section_new (kinds[i], NULL);

      jh_plan_insert_section (plan, -1, section);
    }

  return plan;
}

typedef char *(*TextFunc) (const char *text,
                           gpointer    user_data);

/* Applies @func to every piece of text of a task and its sub-tasks. */
static void
transform_paragraphs (GListModel *paragraphs,
                      TextFunc    func,
                      gpointer    user_data)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autofree char *text = func (jh_paragraph_get_text (paragraph), user_data);

      jh_paragraph_set_text (paragraph, text);
    }
}

static void
transform_tasks (GListModel *tasks,
                 TextFunc    func,
                 gpointer    user_data)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *lead = func (jh_task_get_lead (task), user_data);

      jh_task_set_lead (task, lead);
      transform_paragraphs (jh_task_get_paragraphs (task), func, user_data);
      transform_tasks (jh_task_get_subtasks (task), func, user_data);
    }
}

static void
transform_plan (JhPlan   *plan,
                TextFunc  func,
                gpointer  user_data)
{
  GListModel *sections = jh_plan_get_sections (plan);
  g_autofree char *title = func (jh_plan_get_title (plan), user_data);

  jh_plan_set_title (plan, title);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      transform_paragraphs (jh_section_get_paragraphs (section), func, user_data);
      transform_tasks (jh_section_get_tasks (section), func, user_data);
    }
}

typedef struct
{
  const char *year;
  const char *organization;
} Variables;

static char *
fill_variables (const char *text,
                gpointer    user_data)
{
  Variables *variables = user_data;
  g_autoptr(GString) filled = g_string_new (text);

  g_string_replace (filled, "{年份}", variables->year, 0);

  /* An organization left empty stays a variable, for the checks to ask
   * for.
   */
  if (variables->organization != NULL && *variables->organization != '\0')
    g_string_replace (filled, "{单位}", variables->organization, 0);

  return g_string_free (g_steal_pointer (&filled), FALSE);
}

/**
 * jh_template_instantiate:
 * @name: a template's name
 * @year: the year of the new plan
 * @organization: (nullable): the organization, filling {单位}
 * @error: return location for a #GError
 *
 * Starts a new plan from a built-in template.
 *
 * Returns: (transfer full): the new plan, or %NULL if there is no
 *   template called @name
 */
JhPlan *
jh_template_instantiate (const char  *name,
                         guint        year,
                         const char  *organization,
                         GError     **error)
{
  g_autofree char *resource = NULL;
  g_autofree char *year_text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JhPlan) plan = NULL;
  Variables variables;
  gboolean known = FALSE;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (year >= JH_PLAN_MIN_YEAR && year <= JH_PLAN_MAX_YEAR, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    known |= g_str_equal (templates[i].name, name);

  if (!known)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no template called “%s”"), name);
      return NULL;
    }

  resource = g_strdup_printf ("/io/github/jihua/Jihua/core/templates/%s.jhplan", name);
  bytes = g_resource_lookup_data (jh_core_get_resource (), resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  plan = jh_plan_load_from_bytes (bytes, resource, error);
  if (plan == NULL)
    return NULL;

  year_text = g_strdup_printf ("%u", year);
  variables.year = year_text;
  variables.organization = organization;
  transform_plan (plan, fill_variables, &variables);

  jh_plan_set_year (plan, year);
  if (organization != NULL)
    {
      jh_plan_set_organization (plan, organization);
      jh_plan_set_signoff_organization (plan, organization);
    }

  return g_steal_pointer (&plan);
}

typedef struct
{
  JhProvenance *provenance;
} CarryOver;

static JhProvenance *
carried_provenance (JhProvenance *old,
                    JhProvenance *source)
{
  if (old == NULL || jh_provenance_get_clause_id (old) == NULL)
    return jh_provenance_ref (source);

  /* A clause stays the clause it was, now also from last year's plan. */
  return jh_provenance_new (jh_provenance_get_clause_id (old),
                            jh_provenance_get_clause_version (old),
                            jh_provenance_get_source (source),
                            jh_provenance_get_source_year (source));
}

static void
mark_paragraphs (GListModel   *paragraphs,
                 JhProvenance *source)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autoptr(JhProvenance) provenance = carried_provenance (jh_paragraph_get_provenance (paragraph), source);

      jh_paragraph_set_provenance (paragraph, provenance);
    }
}

static char *
advance_years (const char *text,
               guint       old_year)
{
  g_autofree char *old_text = g_strdup_printf ("%u年", old_year);
  g_autofree char *new_text = g_strdup_printf ("%u年", old_year + 1);
  GString *advanced = g_string_new (text);

  g_string_replace (advanced, old_text, new_text, 0);

  return g_string_free (advanced, FALSE);
}

static void
carry_tasks (GListModel   *tasks,
             JhProvenance *source,
             guint         old_year)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      g_autoptr(JhProvenance) provenance = carried_provenance (jh_task_get_provenance (task), source);
      g_autofree char *timing = advance_years (jh_task_get_timing (task), old_year);

      jh_task_set_provenance (task, provenance);
      jh_task_set_timing (task, timing);
      mark_paragraphs (jh_task_get_paragraphs (task), source);
      carry_tasks (jh_task_get_subtasks (task), source, old_year);
    }
}

/**
 * jh_plan_carry_over:
 * @plan: last year's plan
 * @source: the name of last year's plan, as its file is called
 * @error: return location for a #GError
 *
 * Starts next year's plan from @plan: the same structure and text, the
 * year advanced by one in the plan, its title and the tasks' timings
 * ("2026年5月" becomes "2027年5月"; "5月中旬" needs no change, as it is
 * read in the plan's year), the status back to draft, the dates and the
 * document number cleared.  Every paragraph and task is marked as coming
 * from @source and its year, so that the checks can tell what was copied
 * unchanged.  The text of the paragraphs is left exactly as it was, old
 * years included: the checks point those out for the user to judge.
 *
 * Returns: (transfer full): the new plan, or %NULL with @error set
 */
JhPlan *
jh_plan_carry_over (JhPlan      *plan,
                    const char  *source,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JhPlan) next = NULL;
  g_autoptr(JhProvenance) provenance = NULL;
  g_autofree char *title = NULL;
  GListModel *sections;
  guint old_year;

  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  old_year = jh_plan_get_year (plan);
  if (old_year >= JH_PLAN_MAX_YEAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A plan for %u cannot be carried over to the next year"), old_year);
      return NULL;
    }

  /* A copy through the file format is a deep copy that cannot forget a
   * field the format knows.
   */
  bytes = jh_plan_serialize (plan, error);
  if (bytes == NULL)
    return NULL;
  next = jh_plan_load_from_bytes (bytes, source, error);
  if (next == NULL)
    return NULL;

  jh_plan_set_year (next, old_year + 1);
  title = advance_years (jh_plan_get_title (next), old_year);
  jh_plan_set_title (next, title);
  jh_plan_set_status (next, JH_PLAN_STATUS_DRAFT);
  jh_plan_set_date (next, NULL);
  jh_plan_set_signoff_date (next, NULL);
  jh_plan_set_document_number (next, NULL);

  provenance = jh_provenance_new (NULL, 0, source, old_year);
  sections = jh_plan_get_sections (next);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      mark_paragraphs (jh_section_get_paragraphs (section), provenance);
      carry_tasks (jh_section_get_tasks (section), provenance, old_year);
    }

  return g_steal_pointer (&next);
}
