/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-checks-pane.h"

/**
 * JhChecksPane:
 *
 * The findings of the plan, grouped by section, with their counts by
 * severity.  The plan is checked again a moment after each burst of
 * edits; the report reads only what changed.  A finding offers its
 * first fix as a button, made through the plan's #JhHistory so that
 * Undo takes it back, and a menu to ignore it (remembered in the plan)
 * or to turn its rule off (remembered in the settings).
 *
 * Activating a finding emits #JhChecksPane::finding-activated; the
 * window shows the text it is about.
 */

/* Long enough that a burst of typing is checked once, short enough that
 * the list seems to follow the text.
 */
#define RECHECK_DELAY_MS 300

struct _JhChecksPane
{
  AdwBin        parent_instance;

  JhLibrarySet *libraries;
  JhChecker    *checker;
  JhReport     *report;
  JhPlan       *plan;
  GFile        *file;
  JhHistory    *history;
  GSettings    *settings;
  guint         recheck_source;

  /* Template widgets */
  GtkStack     *stack;
  GtkListBox   *list;
  GtkLabel     *errors_label;
  GtkLabel     *warnings_label;
  GtkLabel     *infos_label;
};

G_DEFINE_FINAL_TYPE (JhChecksPane, jh_checks_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
severity_icon_name (JhSeverity severity)
{
  switch (severity)
    {
    case JH_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case JH_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case JH_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_style_class (JhSeverity severity)
{
  switch (severity)
    {
    case JH_SEVERITY_ERROR:
      return "error";
    case JH_SEVERITY_WARNING:
      return "warning";
    case JH_SEVERITY_INFO:
    default:
      return "accent";
    }
}

/* The flagged text in its context, the flagged part in bold; a few
 * characters before it are enough to recognise the place.
 */
static char *
dup_excerpt_markup (JhFinding *finding)
{
  const char *context = jh_finding_get_context (finding);
  const char *text = jh_finding_get_text (finding);
  const char *found = NULL;
  g_autofree char *before = NULL;
  g_autofree char *flagged = NULL;
  g_autofree char *after = NULL;
  glong before_length;

  if (text == NULL || *text == '\0')
    return context ? g_markup_escape_text (context, -1) : g_strdup ("");

  if (context != NULL)
    found = strstr (context, text);
  if (found == NULL)
    return g_markup_printf_escaped ("<b>%s</b>", text);

  before_length = g_utf8_strlen (context, found - context);
  if (before_length > 10)
    {
      const char *start = g_utf8_offset_to_pointer (context, before_length - 10);

      before = g_strconcat ("…", start, NULL);
      before[strlen ("…") + (found - start)] = '\0';
    }
  else
    {
      before = g_strndup (context, found - context);
    }

  flagged = g_markup_escape_text (text, -1);
  after = g_markup_escape_text (found + strlen (text), -1);
  {
    g_autofree char *escaped_before = g_markup_escape_text (before, -1);

    return g_strdup_printf ("%s<b>%s</b>%s", escaped_before, flagged, after);
  }
}

/* Deleted text struck through in red, inserted text underlined in green,
 * as a review shows changes.
 */
static char *
dup_diff_markup (GPtrArray *diff)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      JhDiffChunk *chunk = g_ptr_array_index (diff, i);
      g_autofree char *text = g_markup_escape_text (chunk->text, -1);

      switch (chunk->op)
        {
        case JH_DIFF_DELETE:
          g_string_append_printf (markup, "<span strikethrough=\"true\" foreground=\"#c01c28\">%s</span>", text);
          break;
        case JH_DIFF_INSERT:
          g_string_append_printf (markup, "<span underline=\"single\" foreground=\"#26a269\">%s</span>", text);
          break;
        case JH_DIFF_EQUAL:
        default:
          g_string_append (markup, text);
          break;
        }
    }

  return g_string_free (markup, FALSE);
}

static void
fix_clicked_cb (GtkButton    *button,
                JhChecksPane *self)
{
  JhFinding *finding = g_object_get_data (G_OBJECT (button), "finding");
  GPtrArray *fixes = jh_finding_get_fixes (finding);
  g_autoptr(GError) error = NULL;

  if (fixes == NULL || fixes->len == 0)
    return;

  if (!jh_checks_pane_apply_fix (self, finding, g_ptr_array_index (fixes, 0), &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  _("Could Not Apply the Fix"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* What was just ignored or turned off can be taken back from a toast,
 * as GNOME applications do for what they do not ask about first.
 */
static void
show_undo_toast (JhChecksPane *self,
                 const char   *title,
                 GCallback     undo,
                 gpointer      data,
                 GDestroyNotify destroy)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      destroy (data);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "undo-data", data, destroy);
  g_signal_connect_object (toast, "button-clicked", undo, self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
unignore_cb (AdwToast     *toast,
             JhChecksPane *self)
{
  JhIgnoredFinding *ignored = g_object_get_data (G_OBJECT (toast), "undo-data");

  if (self->report != NULL && jh_report_remove_ignored (self->report, ignored))
    jh_report_refresh (self->report);
}

static void
turn_on_rule_cb (AdwToast     *toast,
                 JhChecksPane *self)
{
  const char *rule_id = g_object_get_data (G_OBJECT (toast), "undo-data");
  g_auto(GStrv) disabled = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) rules = NULL;

  if (self->checker == NULL)
    return;

  disabled = jh_checker_dup_disabled_rules (self->checker);
  for (guint i = 0; disabled != NULL && disabled[i] != NULL; i++)
    if (!g_str_equal (disabled[i], rule_id))
      g_strv_builder_add (builder, disabled[i]);
  rules = g_strv_builder_end (builder);

  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "disabled-rules", (const char * const *) rules);
  else
    jh_checker_set_disabled_rules (self->checker, (const char * const *) rules);
}

static void
ignore_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  JhChecksPane *self = user_data;
  /* The row, which owns the finding, goes when the list changes. */
  g_autoptr(JhFinding) finding = g_object_ref (g_object_get_data (G_OBJECT (action), "finding"));
  JhIgnoredFinding *ignored = jh_ignored_finding_new_for (finding);

  jh_checks_pane_ignore (self, finding);
  show_undo_toast (self, _("Finding ignored"), G_CALLBACK (unignore_cb),
                   ignored, (GDestroyNotify) jh_ignored_finding_unref);
}

static void
turn_off_rule_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  JhChecksPane *self = user_data;
  /* The row, which owns the finding, goes when the list changes. */
  g_autoptr(JhFinding) finding = g_object_ref (g_object_get_data (G_OBJECT (action), "finding"));
  g_autofree char *title = g_strdup_printf (_("Rule “%s” turned off"), jh_finding_get_rule_id (finding));

  jh_checks_pane_turn_off_rule (self, jh_finding_get_rule_id (finding));
  show_undo_toast (self, title, G_CALLBACK (turn_on_rule_cb),
                   g_strdup (jh_finding_get_rule_id (finding)), g_free);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  JhChecksPane *self = user_data;
  JhFinding *finding = item;
  GPtrArray *fixes = jh_finding_get_fixes (finding);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *excerpt = dup_excerpt_markup (finding);
  g_autofree char *more_label = NULL;
  GtkWidget *row, *box, *icon, *texts, *label, *button;
  GSimpleAction *action;

  row = gtk_list_box_row_new ();
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  icon = gtk_image_new_from_icon_name (severity_icon_name (jh_finding_get_severity (finding)));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, severity_style_class (jh_finding_get_severity (finding)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  jh_severity_get_label (jh_finding_get_severity (finding)),
                                  -1);
  gtk_box_append (GTK_BOX (box), icon);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  label = gtk_label_new (jh_finding_get_message (finding));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (texts), label);

  if (*excerpt != '\0')
    {
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), excerpt);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (texts), label);
    }

  /* For text from an old clause: what the current one changes. */
  {
    g_autoptr(GPtrArray) diff = jh_finding_dup_diff (finding);

    if (diff != NULL && diff->len > 0)
      {
        g_autofree char *markup = dup_diff_markup (diff);

        label = gtk_label_new (NULL);
        gtk_label_set_markup (GTK_LABEL (label), markup);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_lines (GTK_LABEL (label), 4);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_widget_add_css_class (label, "caption");
        gtk_widget_add_css_class (label, "checks-diff");
        gtk_box_append (GTK_BOX (texts), label);
      }
  }

  if (fixes != NULL && fixes->len > 0)
    {
      g_autofree char *fix_label = jh_fix_dup_label (g_ptr_array_index (fixes, 0));

      button = gtk_button_new_with_label (fix_label);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (button, fix_label);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_margin_top (button, 3);
      gtk_widget_add_css_class (button, "fix-button");
      g_object_set_data (G_OBJECT (button), "finding", finding);
      g_signal_connect_object (button, "clicked", G_CALLBACK (fix_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (texts), button);
    }

  /* The finding's own actions, on the row so that they know it. */
  action = g_simple_action_new ("ignore", NULL);
  g_object_set_data (G_OBJECT (action), "finding", finding);
  g_signal_connect_object (action, "activate", G_CALLBACK (ignore_activated_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  g_object_unref (action);

  action = g_simple_action_new ("turn-off-rule", NULL);
  g_object_set_data (G_OBJECT (action), "finding", finding);
  g_signal_connect_object (action, "activate", G_CALLBACK (turn_off_rule_activated_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  g_object_unref (action);

  gtk_widget_insert_action_group (row, "finding", G_ACTION_GROUP (group));

  g_menu_append (menu, _("_Ignore"), "finding.ignore");
  g_menu_append (menu, _("_Turn Off This Rule"), "finding.turn-off-rule");

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Ignore or Turn Off"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ignore or Turn Off"),
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), button);

  more_label = g_strdup_printf ("%s: %s", jh_severity_get_label (jh_finding_get_severity (finding)),
                                jh_finding_get_message (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, more_label,
                                  -1);

  return row;
}

/* A heading above the first finding of each section. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  JhFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  JhFinding *previous = before ? g_object_get_data (G_OBJECT (before), "finding") : NULL;
  const char *title;
  GtkWidget *label;

  if (previous != NULL &&
      jh_finding_get_section_index (previous) == jh_finding_get_section_index (finding))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  /* A section without a title (a preamble) goes by its kind. */
  title = jh_finding_get_section_title (finding);
  if (jh_finding_get_section_index (finding) < 0)
    title = _("Whole Plan");
  else if (title == NULL || *title == '\0')
    title = jh_section_kind_get_label (jh_finding_get_section_kind (finding));

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "checks-section-header");
  gtk_list_box_row_set_header (row, label);
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  JhChecksPane  *self)
{
  JhFinding *finding = g_object_get_data (G_OBJECT (row), "finding");

  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
update_counts (JhChecksPane *self)
{
  guint errors = self->report ? jh_report_count (self->report, JH_SEVERITY_ERROR) : 0;
  guint warnings = self->report ? jh_report_count (self->report, JH_SEVERITY_WARNING) : 0;
  guint infos = self->report ? jh_report_count (self->report, JH_SEVERITY_INFO) : 0;
  g_autofree char *errors_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Error", "%u Errors", errors), errors);
  g_autofree char *warnings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Warning", "%u Warnings", warnings), warnings);
  g_autofree char *infos_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Note", "%u Notes", infos), infos);

  gtk_label_set_text (self->errors_label, errors_text);
  gtk_label_set_text (self->warnings_label, warnings_text);
  gtk_label_set_text (self->infos_label, infos_text);

  if (self->report == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (errors + warnings + infos == 0)
    gtk_stack_set_visible_child_name (self->stack, "clean");
  else
    gtk_stack_set_visible_child_name (self->stack, "findings");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
}

static void
report_count_changed_cb (JhReport     *report,
                         GParamSpec   *pspec,
                         JhChecksPane *self)
{
  update_counts (self);
}

static gboolean
recheck_cb (gpointer user_data)
{
  JhChecksPane *self = user_data;

  self->recheck_source = 0;
  if (self->report != NULL)
    jh_report_refresh (self->report);

  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (JhPlan       *plan,
                 JhChecksPane *self)
{
  g_clear_handle_id (&self->recheck_source, g_source_remove);
  self->recheck_source = g_timeout_add (RECHECK_DELAY_MS, recheck_cb, self);
}

static void
disabled_rules_changed_cb (JhChecker    *checker,
                           GParamSpec   *pspec,
                           JhChecksPane *self)
{
  /* What the rule found before is in the report's cache. */
  if (self->report != NULL)
    jh_report_recheck (self->report, NULL);
}

/* Last year's plan, named by the provenance of carried-over paragraphs,
 * is looked for beside the plan, as jihua-cli check does, so that text
 * copied unchanged is pointed out.
 */
static void
add_prior_plans (JhChecksPane *self)
{
  g_autoptr(GFile) folder = self->file ? g_file_get_parent (self->file) : NULL;
  g_auto(GStrv) sources = NULL;

  if (folder == NULL)
    return;

  sources = jh_plan_dup_prior_sources (self->plan);
  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_autoptr(GFile) prior_file = g_file_resolve_relative_path (folder, sources[i]);
      g_autoptr(JhPlan) prior = NULL;
      g_autoptr(GError) error = NULL;

      prior = jh_plan_load_from_file (prior_file, NULL, &error);
      if (prior == NULL)
        {
          g_debug ("Last year's plan %s cannot be read: %s", sources[i], error->message);
          continue;
        }

      jh_checker_add_prior_plan (self->checker, sources[i], prior);
    }
}

/* The report follows the plan once both it and the libraries are there. */
static void
rebuild_report (JhChecksPane *self)
{
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_func (self->report, report_count_changed_cb, self);
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->report);
  g_clear_handle_id (&self->recheck_source, g_source_remove);

  if (self->checker != NULL && self->plan != NULL)
    {
      add_prior_plans (self);
      self->report = jh_report_new (self->checker, self->plan);
      jh_report_refresh (self->report);
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->report), create_row, self, NULL);
      g_signal_connect (self->report, "notify::n-errors", G_CALLBACK (report_count_changed_cb), self);
      g_signal_connect (self->report, "notify::n-warnings", G_CALLBACK (report_count_changed_cb), self);
      g_signal_connect (self->report, "notify::n-infos", G_CALLBACK (report_count_changed_cb), self);
    }

  update_counts (self);
}

static void
jh_checks_pane_dispose (GObject *object)
{
  JhChecksPane *self = (JhChecksPane *) object;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_changed_cb, self);
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_func (self->report, report_count_changed_cb, self);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_CHECKS_PANE);

  g_clear_object (&self->report);
  g_clear_object (&self->checker);
  g_clear_object (&self->libraries);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jh_checks_pane_parent_class)->dispose (object);
}

static void
jh_checks_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JhChecksPane *self = JH_CHECKS_PANE (object);

  switch (prop_id)
    {
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->report ? jh_report_count (self->report, JH_SEVERITY_ERROR) : 0);
      break;

    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->report ? jh_report_count (self->report, JH_SEVERITY_WARNING) : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_checks_pane_class_init (JhChecksPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_checks_pane_dispose;
  object_class->get_property = jh_checks_pane_get_property;

  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JhChecksPane::finding-activated:
   * @self: the pane
   * @finding: the finding the user chose
   *
   * The user wants to see the text @finding is about.
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JH_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-checks-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, JhChecksPane, stack);
  gtk_widget_class_bind_template_child (widget_class, JhChecksPane, list);
  gtk_widget_class_bind_template_child (widget_class, JhChecksPane, errors_label);
  gtk_widget_class_bind_template_child (widget_class, JhChecksPane, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, JhChecksPane, infos_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_css_name (widget_class, "checkspane");
}

static void
jh_checks_pane_init (JhChecksPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list, update_header, NULL, NULL);
  update_counts (self);
}

GtkWidget *
jh_checks_pane_new (void)
{
  return g_object_new (JH_TYPE_CHECKS_PANE, NULL);
}

/**
 * jh_checks_pane_set_libraries:
 * @self: a #JhChecksPane
 * @libraries: the clause libraries, with the rules to check with
 *
 * Until it has libraries, the pane says they are loading.
 */
void
jh_checks_pane_set_libraries (JhChecksPane *self,
                              JhLibrarySet *libraries)
{
  g_return_if_fail (JH_IS_CHECKS_PANE (self));
  g_return_if_fail (libraries == NULL || JH_IS_LIBRARY_SET (libraries));

  if (!g_set_object (&self->libraries, libraries))
    return;

  g_clear_object (&self->checker);
  if (libraries != NULL)
    {
      self->checker = jh_checker_new (libraries);
      if (self->settings != NULL)
        {
          g_settings_bind (self->settings, "disabled-rules", self->checker, "disabled-rules", G_SETTINGS_BIND_GET);
          g_settings_bind (self->settings, "disabled-categories", self->checker, "disabled-categories", G_SETTINGS_BIND_GET);
        }
      g_signal_connect_object (self->checker, "notify::disabled-rules",
                               G_CALLBACK (disabled_rules_changed_cb), self, 0);
      g_signal_connect_object (self->checker, "notify::disabled-categories",
                               G_CALLBACK (disabled_rules_changed_cb), self, 0);
    }

  rebuild_report (self);
}

/**
 * jh_checks_pane_set_settings:
 * @self: a #JhChecksPane
 * @settings: (nullable): where the rules turned off are kept
 */
void
jh_checks_pane_set_settings (JhChecksPane *self,
                             GSettings    *settings)
{
  g_return_if_fail (JH_IS_CHECKS_PANE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;

  if (self->checker != NULL && settings != NULL)
    {
      g_settings_bind (settings, "disabled-rules", self->checker, "disabled-rules", G_SETTINGS_BIND_GET);
      g_settings_bind (settings, "disabled-categories", self->checker, "disabled-categories", G_SETTINGS_BIND_GET);
    }
}

/**
 * jh_checks_pane_set_plan:
 * @self: a #JhChecksPane
 * @plan: (nullable): the plan to check
 * @file: (nullable): its file, beside which last year's plan is looked for
 */
void
jh_checks_pane_set_plan (JhChecksPane *self,
                         JhPlan       *plan,
                         GFile        *file)
{
  g_return_if_fail (JH_IS_CHECKS_PANE (self));
  g_return_if_fail (plan == NULL || JH_IS_PLAN (plan));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_changed_cb, self);
  g_set_object (&self->plan, plan);
  if (self->plan != NULL)
    g_signal_connect (self->plan, "changed", G_CALLBACK (plan_changed_cb), self);

  rebuild_report (self);
}

void
jh_checks_pane_set_history (JhChecksPane *self,
                            JhHistory    *history)
{
  g_return_if_fail (JH_IS_CHECKS_PANE (self));
  g_return_if_fail (history == NULL || JH_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

/**
 * jh_checks_pane_get_report:
 * @self: a #JhChecksPane
 *
 * Returns: (transfer none) (nullable): the findings shown, %NULL while
 *   there is no plan or the libraries are loading
 */
JhReport *
jh_checks_pane_get_report (JhChecksPane *self)
{
  g_return_val_if_fail (JH_IS_CHECKS_PANE (self), NULL);

  return self->report;
}

/**
 * jh_checks_pane_get_checker:
 * @self: a #JhChecksPane
 *
 * Returns: (transfer none) (nullable): the checker, %NULL while the
 *   libraries are loading
 */
JhChecker *
jh_checks_pane_get_checker (JhChecksPane *self)
{
  g_return_val_if_fail (JH_IS_CHECKS_PANE (self), NULL);

  return self->checker;
}

/**
 * jh_checks_pane_get_list:
 * @self: a #JhChecksPane
 *
 * Returns: (transfer none): the list box of the findings
 */
GtkWidget *
jh_checks_pane_get_list (JhChecksPane *self)
{
  g_return_val_if_fail (JH_IS_CHECKS_PANE (self), NULL);

  return GTK_WIDGET (self->list);
}

/* The property of the finding's node that holds its text. */
static const char *
field_property (JhFindingField field)
{
  switch (field)
    {
    case JH_FINDING_FIELD_TITLE:
    case JH_FINDING_FIELD_SECTION_TITLE:
      return "title";
    case JH_FINDING_FIELD_ORGANIZATION:
      return "organization";
    case JH_FINDING_FIELD_SIGNOFF:
      return "signoff-organization";
    case JH_FINDING_FIELD_LEAD:
      return "lead";
    case JH_FINDING_FIELD_OWNER:
      return "owner";
    case JH_FINDING_FIELD_PARTICIPANTS:
      return "participants";
    case JH_FINDING_FIELD_TIMING:
      return "timing";
    case JH_FINDING_FIELD_PARAGRAPH:
      return "text";
    case JH_FINDING_FIELD_PLAN:
    case JH_FINDING_FIELD_SECTION:
    default:
      return NULL;
    }
}

static gboolean
set_error_changed (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The text has changed since it was checked; check it again"));
  return FALSE;
}

/* Replaces the flagged text; FALSE when it is no longer there. */
static gboolean
apply_replacement (JhChecksPane  *self,
                   JhFinding     *finding,
                   const char    *replacement,
                   GError       **error)
{
  const char *property = field_property (jh_finding_get_field (finding));
  JhNode *node = jh_finding_get_node (finding);
  g_autofree char *text = NULL;
  g_autoptr(GString) fixed = NULL;
  const char *start, *end;
  glong offset = jh_finding_get_char_offset (finding);
  glong length = jh_finding_get_char_length (finding);
  const char *flagged = jh_finding_get_text (finding);

  if (property == NULL || node == NULL)
    return set_error_changed (error);

  g_object_get (node, property, &text, NULL);
  if (text == NULL || offset + length > g_utf8_strlen (text, -1))
    return set_error_changed (error);

  start = g_utf8_offset_to_pointer (text, offset);
  end = g_utf8_offset_to_pointer (start, length);
  if ((gsize) (end - start) != strlen (flagged) || strncmp (start, flagged, end - start) != 0)
    return set_error_changed (error);

  fixed = g_string_new_len (text, start - text);
  g_string_append (fixed, replacement);
  g_string_append (fixed, end);
  jh_history_set (self->history, node, property, fixed->str, NULL);

  return TRUE;
}

/* Uses a clause: in place of a flagged paragraph, or added to the
 * flagged section (a new one if the plan lacks it), keeping the clause's
 * id and version.
 */
static gboolean
apply_clause (JhChecksPane  *self,
              JhFinding     *finding,
              JhFix         *fix,
              GError       **error)
{
  JhClause *clause = jh_fix_get_clause (fix);
  JhPlan *plan = jh_finding_get_plan (finding);
  JhSection *section = jh_finding_get_section (finding);
  JhNode *node = jh_finding_get_node (finding);
  g_autoptr(JhProvenance) provenance = NULL;
  g_autoptr(JhParagraph) paragraph = NULL;
  g_autofree char *text = NULL;

  if (clause == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The clause “%s” is in none of the libraries in use"), jh_fix_get_clause_id (fix));
      return FALSE;
    }
  if (plan == NULL)
    plan = self->plan;

  text = jh_clause_expand (clause, plan);
  provenance = jh_provenance_new (jh_clause_get_id (clause), jh_clause_get_version (clause), NULL, 0);

  if (jh_finding_get_field (finding) == JH_FINDING_FIELD_PARAGRAPH &&
      jh_finding_get_char_offset (finding) == 0 &&
      jh_finding_get_char_length (finding) == g_utf8_strlen (jh_paragraph_get_text (JH_PARAGRAPH (node)), -1))
    {
      if (!g_str_equal (jh_paragraph_get_text (JH_PARAGRAPH (node)), jh_finding_get_text (finding)))
        return set_error_changed (error);

      jh_history_set (self->history, node, "text", text, "provenance", provenance, NULL);
      return TRUE;
    }

  if (section == NULL)
    {
      guint n_kinds = 0;
      const JhSectionKind *kinds = jh_clause_get_kinds (clause, &n_kinds);
      JhSectionKind kind = n_kinds > 0 ? kinds[0] : JH_SECTION_KIND_OTHER;

      section = jh_plan_find_section (plan, kind);
      if (section == NULL)
        {
          g_autoptr(JhSection) added = jh_section_new (kind, jh_clause_get_title (clause));

          jh_history_insert (self->history, JH_NODE (plan), -1, JH_NODE (added));
          section = added;
        }
    }

  paragraph = jh_paragraph_new (text);
  jh_paragraph_set_provenance (paragraph, provenance);
  jh_history_insert (self->history, JH_NODE (section), -1, JH_NODE (paragraph));

  return TRUE;
}

/**
 * jh_checks_pane_apply_fix:
 * @self: a #JhChecksPane
 * @finding: a finding of the report
 * @fix: one of its fixes
 * @error: return location for a #GError
 *
 * Makes @fix as one step of the history, so that one Undo takes it
 * back, and checks the plan again at once.
 *
 * Returns: %TRUE on success
 */
gboolean
jh_checks_pane_apply_fix (JhChecksPane  *self,
                          JhFinding     *finding,
                          JhFix         *fix,
                          GError       **error)
{
  gboolean applied;

  g_return_val_if_fail (JH_IS_CHECKS_PANE (self), FALSE);
  g_return_val_if_fail (JH_IS_FINDING (finding), FALSE);
  g_return_val_if_fail (fix != NULL, FALSE);

  /* Without a history (a pane on its own) the fix cannot be undone. */
  if (self->history == NULL)
    {
      applied = jh_finding_apply_fix (finding, fix, error);
    }
  else
    {
      jh_history_seal (self->history);
      jh_history_begin (self->history, _("Fix"));
      if (jh_fix_get_kind (fix) == JH_FIX_KIND_CLAUSE)
        applied = apply_clause (self, finding, fix, error);
      else
        applied = apply_replacement (self, finding, jh_fix_get_replacement (fix), error);
      jh_history_end (self->history);
      jh_history_seal (self->history);
    }

  if (self->report != NULL)
    {
      g_clear_handle_id (&self->recheck_source, g_source_remove);
      jh_report_recheck (self->report, jh_finding_get_node (finding));
    }

  return applied;
}

/**
 * jh_checks_pane_ignore:
 * @self: a #JhChecksPane
 * @finding: a finding of the report
 *
 * Hides @finding from now on; the plan remembers it, and so is changed.
 */
void
jh_checks_pane_ignore (JhChecksPane *self,
                       JhFinding    *finding)
{
  g_return_if_fail (JH_IS_CHECKS_PANE (self));
  g_return_if_fail (JH_IS_FINDING (finding));

  if (self->report != NULL)
    jh_report_ignore (self->report, finding);
}

/**
 * jh_checks_pane_turn_off_rule:
 * @self: a #JhChecksPane
 * @rule_id: the id of a rule
 *
 * Turns the rule off in every plan: in the settings when there are
 * some, otherwise in the checker only.
 */
void
jh_checks_pane_turn_off_rule (JhChecksPane *self,
                              const char   *rule_id)
{
  g_auto(GStrv) disabled = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) rules = NULL;

  g_return_if_fail (JH_IS_CHECKS_PANE (self));
  g_return_if_fail (rule_id != NULL);

  if (self->checker == NULL || jh_checker_is_rule_disabled (self->checker, rule_id))
    return;

  disabled = jh_checker_dup_disabled_rules (self->checker);
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) disabled);
  g_strv_builder_add (builder, rule_id);
  rules = g_strv_builder_end (builder);

  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "disabled-rules", (const char * const *) rules);
  else
    jh_checker_set_disabled_rules (self->checker, (const char * const *) rules);
}
