/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-checker-private.h"
#include "jh-finding-private.h"
#include "jh-report.h"

/**
 * JhReport:
 *
 * The findings of a plan as a list model, for a Checks pane and for the
 * underlines of an editor.  jh_report_refresh() checks the plan again;
 * it reads only the texts that changed since the last check (the rest
 * comes from a cache), and the list changes only where the findings did:
 * a finding that is still there stays the same object.
 *
 * Findings the user chose to ignore are left out; they are remembered in
 * the plan (jh_plan_ignore_finding()), which saves them with it.
 */

struct _JhIgnoredFinding
{
  char *rule_id;
  char *location;
  char *text;
};

G_DEFINE_BOXED_TYPE (JhIgnoredFinding, jh_ignored_finding, jh_ignored_finding_ref, jh_ignored_finding_unref)

/**
 * jh_ignored_finding_new:
 * @rule_id: the rule's id
 * @location: a location key, as jh_finding_dup_location_key() gives
 * @text: the flagged text
 *
 * Returns: (transfer full): a new ignored finding
 */
JhIgnoredFinding *
jh_ignored_finding_new (const char *rule_id,
                        const char *location,
                        const char *text)
{
  JhIgnoredFinding *self;

  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (location != NULL, NULL);

  self = g_atomic_rc_box_new0 (JhIgnoredFinding);
  self->rule_id = g_strdup (rule_id);
  self->location = g_strdup (location);
  self->text = g_strdup (text ? text : "");

  return self;
}

/**
 * jh_ignored_finding_new_for:
 * @finding: a finding
 *
 * Returns: (transfer full): what to remember to ignore @finding
 */
JhIgnoredFinding *
jh_ignored_finding_new_for (JhFinding *finding)
{
  g_autofree char *location = NULL;

  g_return_val_if_fail (JH_IS_FINDING (finding), NULL);

  location = jh_finding_dup_location_key (finding);

  return jh_ignored_finding_new (jh_finding_get_rule_id (finding), location, jh_finding_get_text (finding));
}

JhIgnoredFinding *
jh_ignored_finding_ref (JhIgnoredFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
jh_ignored_finding_clear (JhIgnoredFinding *self)
{
  g_free (self->rule_id);
  g_free (self->location);
  g_free (self->text);
}

void
jh_ignored_finding_unref (JhIgnoredFinding *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) jh_ignored_finding_clear);
}

const char *
jh_ignored_finding_get_rule_id (JhIgnoredFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->rule_id;
}

const char *
jh_ignored_finding_get_location (JhIgnoredFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->location;
}

const char *
jh_ignored_finding_get_text (JhIgnoredFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * jh_ignored_finding_matches:
 * @self: a #JhIgnoredFinding
 * @finding: a finding
 *
 * Returns: whether @finding is the one ignored: same rule, same place,
 *   same text
 */
gboolean
jh_ignored_finding_matches (JhIgnoredFinding *self,
                            JhFinding        *finding)
{
  g_autofree char *location = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (JH_IS_FINDING (finding), FALSE);

  if (g_strcmp0 (self->rule_id, jh_finding_get_rule_id (finding)) != 0 ||
      g_strcmp0 (self->text, jh_finding_get_text (finding)) != 0)
    return FALSE;

  location = jh_finding_dup_location_key (finding);

  return g_str_equal (self->location, location);
}

struct _JhReport
{
  GObject       parent_instance;

  JhChecker    *checker;
  JhPlan       *plan;
  JhCheckCache *cache;
  GPtrArray    *findings;
  GPtrArray    *ignored;
  guint         counts[JH_SEVERITY_ERROR + 1];
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JhReport, jh_report, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CHECKER,
  PROP_PLAN,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_INFOS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return JH_TYPE_FINDING;
}

static guint
get_n_items (GListModel *model)
{
  return JH_REPORT (model)->findings->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  JhReport *self = JH_REPORT (model);

  if (position >= self->findings->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->findings, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
jh_report_dispose (GObject *object)
{
  JhReport *self = (JhReport *) object;

  g_clear_object (&self->checker);
  g_clear_object (&self->plan);
  if (self->findings != NULL)
    g_ptr_array_set_size (self->findings, 0);

  G_OBJECT_CLASS (jh_report_parent_class)->dispose (object);
}

static void
jh_report_finalize (GObject *object)
{
  JhReport *self = (JhReport *) object;

  g_clear_pointer (&self->cache, _jh_check_cache_free);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->ignored, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_report_parent_class)->finalize (object);
}

static void
jh_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JhReport *self = JH_REPORT (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_N_ERRORS:
      g_value_set_uint (value, self->counts[JH_SEVERITY_ERROR]);
      break;

    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->counts[JH_SEVERITY_WARNING]);
      break;

    case PROP_N_INFOS:
      g_value_set_uint (value, self->counts[JH_SEVERITY_INFO]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JhReport *self = JH_REPORT (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      self->checker = g_value_dup_object (value);
      break;

    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      /* What the plan file remembers as ignored. */
      {
        const char *rule, *path, *text;

        for (guint i = 0; self->plan != NULL && jh_plan_get_ignored_finding (self->plan, i, &rule, &path, &text); i++)
          g_ptr_array_add (self->ignored, jh_ignored_finding_new (rule, path, text));
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_report_class_init (JhReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jh_report_dispose;
  object_class->finalize = jh_report_finalize;
  object_class->get_property = jh_report_get_property;
  object_class->set_property = jh_report_set_property;

  properties[PROP_CHECKER] = g_param_spec_object ("checker", NULL, NULL, JH_TYPE_CHECKER, construct);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, JH_TYPE_PLAN, construct);
  properties[PROP_N_ERRORS] = g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_N_WARNINGS] = g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_N_INFOS] = g_param_spec_uint ("n-infos", NULL, NULL, 0, G_MAXUINT, 0, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_report_init (JhReport *self)
{
  self->cache = _jh_check_cache_new ();
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->ignored = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_ignored_finding_unref);
}

/**
 * jh_report_new:
 * @checker: the checker to use
 * @plan: the plan to check
 *
 * A report starts empty; call jh_report_refresh() to check the plan, and
 * again after each change.
 *
 * Returns: (transfer full): a new report
 */
JhReport *
jh_report_new (JhChecker *checker,
               JhPlan    *plan)
{
  g_return_val_if_fail (JH_IS_CHECKER (checker), NULL);
  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);

  return g_object_new (JH_TYPE_REPORT,
                       "checker", checker,
                       "plan", plan,
                       NULL);
}

/**
 * jh_report_get_checker:
 * @self: a #JhReport
 *
 * Returns: (transfer none): the checker
 */
JhChecker *
jh_report_get_checker (JhReport *self)
{
  g_return_val_if_fail (JH_IS_REPORT (self), NULL);

  return self->checker;
}

/**
 * jh_report_get_plan:
 * @self: a #JhReport
 *
 * Returns: (transfer none): the plan
 */
JhPlan *
jh_report_get_plan (JhReport *self)
{
  g_return_val_if_fail (JH_IS_REPORT (self), NULL);

  return self->plan;
}

static gboolean
is_ignored (JhReport  *self,
            JhFinding *finding)
{
  for (guint i = 0; i < self->ignored->len; i++)
    if (jh_ignored_finding_matches (g_ptr_array_index (self->ignored, i), finding))
      return TRUE;

  return FALSE;
}

static guint
hash_finding (gconstpointer key)
{
  return _jh_finding_hash ((JhFinding *) key);
}

static gboolean
equal_findings (gconstpointer a,
                gconstpointer b)
{
  return _jh_finding_equal ((JhFinding *) a, (JhFinding *) b);
}

/* Puts @findings in place of the list, telling views about the part
 * that changed only.
 */
static void
replace_findings (JhReport  *self,
                  GPtrArray *findings)
{
  g_autoptr(GHashTable) old = g_hash_table_new (hash_finding, equal_findings);
  g_autoptr(GPtrArray) previous = NULL;
  guint counts[JH_SEVERITY_ERROR + 1] = { 0 };
  guint prefix = 0, suffix = 0;

  /* A finding that is still there keeps its object. */
  for (guint i = 0; i < self->findings->len; i++)
    g_hash_table_add (old, g_ptr_array_index (self->findings, i));

  for (guint i = 0; i < findings->len; i++)
    {
      JhFinding *finding = g_ptr_array_index (findings, i);
      JhFinding *same = g_hash_table_lookup (old, finding);

      if (same != NULL)
        {
          g_hash_table_remove (old, same);
          g_ptr_array_index (findings, i) = g_object_ref (same);
          g_object_unref (finding);
        }

      counts[jh_finding_get_severity (g_ptr_array_index (findings, i))]++;
    }

  while (prefix < findings->len && prefix < self->findings->len &&
         g_ptr_array_index (findings, prefix) == g_ptr_array_index (self->findings, prefix))
    prefix++;

  while (suffix < findings->len - prefix && suffix < self->findings->len - prefix &&
         g_ptr_array_index (findings, findings->len - 1 - suffix) ==
         g_ptr_array_index (self->findings, self->findings->len - 1 - suffix))
    suffix++;

  previous = g_steal_pointer (&self->findings);
  self->findings = g_ptr_array_ref (findings);

  if (prefix + suffix < MAX (previous->len, findings->len))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                previous->len - prefix - suffix,
                                findings->len - prefix - suffix);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint s = 0; s <= JH_SEVERITY_ERROR; s++)
    if (self->counts[s] != counts[s])
      {
        static const guint props[] = { PROP_N_INFOS, PROP_N_WARNINGS, PROP_N_ERRORS };

        self->counts[s] = counts[s];
        g_object_notify_by_pspec (G_OBJECT (self), properties[props[s]]);
      }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * jh_report_refresh:
 * @self: a #JhReport
 *
 * Checks the plan again.  Only the texts that changed since the last
 * check are read again; the rules about the plan as a whole (schedule,
 * required content, duplicates, enumerations) run each time.
 */
void
jh_report_refresh (JhReport *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) shown = NULL;

  g_return_if_fail (JH_IS_REPORT (self));

  all = _jh_checker_run (self->checker, self->plan, self->cache);
  shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      JhFinding *finding = g_ptr_array_index (all, i);

      if (!is_ignored (self, finding))
        g_ptr_array_add (shown, g_object_ref (finding));
    }

  replace_findings (self, shown);
}

/**
 * jh_report_recheck:
 * @self: a #JhReport
 * @node: (nullable): what changed: a paragraph, a task, a section, the
 *   plan; %NULL when anything may have
 *
 * Checks the plan again after @node changed.  The report notices changed
 * texts by itself; naming the node only lets it drop what it kept for
 * it at once.
 */
void
jh_report_recheck (JhReport *self,
                   JhNode   *node)
{
  g_return_if_fail (JH_IS_REPORT (self));
  g_return_if_fail (node == NULL || JH_IS_NODE (node));

  _jh_check_cache_forget (self->cache, node);
  jh_report_refresh (self);
}

/**
 * jh_report_count:
 * @self: a #JhReport
 * @severity: a severity
 *
 * Returns: how many findings of @severity the report shows
 */
guint
jh_report_count (JhReport   *self,
                 JhSeverity  severity)
{
  g_return_val_if_fail (JH_IS_REPORT (self), 0);
  g_return_val_if_fail (severity <= JH_SEVERITY_ERROR, 0);

  return self->counts[severity];
}

/**
 * jh_report_dup_findings_for_node:
 * @self: a #JhReport
 * @node: a paragraph, task, section or the plan
 *
 * What an editor underlines in the text of @node.
 *
 * Returns: (transfer container) (element-type JhFinding): the findings
 *   in @node, in order
 */
GPtrArray *
jh_report_dup_findings_for_node (JhReport *self,
                                 JhNode   *node)
{
  GPtrArray *findings;

  g_return_val_if_fail (JH_IS_REPORT (self), NULL);
  g_return_val_if_fail (JH_IS_NODE (node), NULL);

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->findings->len; i++)
    {
      JhFinding *finding = g_ptr_array_index (self->findings, i);

      if (jh_finding_get_node (finding) == node)
        g_ptr_array_add (findings, g_object_ref (finding));
    }

  return findings;
}

static void
drop_ignored (JhReport *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->findings->len; i++)
    {
      JhFinding *finding = g_ptr_array_index (self->findings, i);

      if (!is_ignored (self, finding))
        g_ptr_array_add (shown, g_object_ref (finding));
    }

  replace_findings (self, shown);
}

/**
 * jh_report_ignore:
 * @self: a #JhReport
 * @finding: one of its findings
 *
 * Ignores @finding from now on: it leaves the list, and later checks
 * leave it out while the rule, the place and the text are the same.
 */
void
jh_report_ignore (JhReport  *self,
                  JhFinding *finding)
{
  g_autoptr(JhIgnoredFinding) ignored = NULL;

  g_return_if_fail (JH_IS_REPORT (self));
  g_return_if_fail (JH_IS_FINDING (finding));

  ignored = jh_ignored_finding_new_for (finding);
  jh_report_add_ignored (self, ignored);
}

/**
 * jh_report_add_ignored:
 * @self: a #JhReport
 * @ignored: a finding to ignore, as saved before
 */
void
jh_report_add_ignored (JhReport         *self,
                       JhIgnoredFinding *ignored)
{
  g_return_if_fail (JH_IS_REPORT (self));
  g_return_if_fail (ignored != NULL);

  for (guint i = 0; i < self->ignored->len; i++)
    {
      JhIgnoredFinding *other = g_ptr_array_index (self->ignored, i);

      if (g_str_equal (other->rule_id, ignored->rule_id) &&
          g_str_equal (other->location, ignored->location) &&
          g_str_equal (other->text, ignored->text))
        return;
    }

  g_ptr_array_add (self->ignored, jh_ignored_finding_ref (ignored));
  /* Remembered in the plan, and saved with it. */
  if (self->plan != NULL)
    jh_plan_ignore_finding (self->plan, ignored->rule_id, ignored->location, ignored->text);
  drop_ignored (self);
}

/**
 * jh_report_remove_ignored:
 * @self: a #JhReport
 * @ignored: one of the ignored findings
 *
 * Stops ignoring a finding; it comes back with the next check.
 *
 * Returns: whether @ignored was ignored
 */
gboolean
jh_report_remove_ignored (JhReport         *self,
                          JhIgnoredFinding *ignored)
{
  g_return_val_if_fail (JH_IS_REPORT (self), FALSE);
  g_return_val_if_fail (ignored != NULL, FALSE);

  for (guint i = 0; i < self->ignored->len; i++)
    {
      JhIgnoredFinding *other = g_ptr_array_index (self->ignored, i);

      if (g_str_equal (other->rule_id, ignored->rule_id) &&
          g_str_equal (other->location, ignored->location) &&
          g_str_equal (other->text, ignored->text))
        {
          if (self->plan != NULL)
            jh_plan_unignore_finding (self->plan, other->rule_id, other->location, other->text);
          g_ptr_array_remove_index (self->ignored, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * jh_report_get_ignored:
 * @self: a #JhReport
 *
 * Returns: (transfer none) (element-type JhIgnoredFinding): the findings
 *   ignored, to save with the plan
 */
GPtrArray *
jh_report_get_ignored (JhReport *self)
{
  g_return_val_if_fail (JH_IS_REPORT (self), NULL);

  return self->ignored;
}
