/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-export-dialog.h"
#include "jh-export-settings.h"

/**
 * JhExportDialog:
 *
 * Exports the plan of a window as an ODT for colleagues' Writer or WPS,
 * or as a PDF to print and file.  The plan is checked first, in a
 * thread: errors the checks find are listed at the top, and the export
 * waits for the user to say to go ahead despite them.  The file is
 * written in a thread too, and a toast in the window says how it went.
 */

struct _JhExportDialog
{
  AdwWindow         parent_instance;

  JhPlan           *plan;
  GSettings        *settings;
  AdwToastOverlay  *toasts;
  GFile            *profile_file;
  GCancellable     *cancellable;
  gboolean          checked;
  guint             n_errors;

  /* Template widgets */
  GtkButton        *export_button;
  AdwPreferencesGroup *errors_group;
  GtkListBox       *errors_list;
  GtkCheckButton   *confirm_button;
  AdwComboRow      *format_row;
  AdwActionRow     *timeline_row;
  GtkSwitch        *timeline_switch;
  GtkSwitch        *schedule_table_switch;
  AdwActionRow     *profile_row;
  GtkButton        *reset_profile_button;
};

G_DEFINE_FINAL_TYPE (JhExportDialog, jh_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SETTINGS,
  PROP_TOASTS,
  PROP_FORMAT,
  PROP_INCLUDE_TIMELINE,
  PROP_SCHEDULE_AS_TABLE,
  PROP_PROFILE_FILE,
  PROP_CHECKED,
  PROP_N_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Checks */

typedef struct
{
  char *message;
  char *location;
} ErrorItem;

static void
error_item_free (ErrorItem *item)
{
  g_free (item->message);
  g_free (item->location);
  g_free (item);
}

/* What the thread checks: a copy of the plan, in its file form (with the
 * findings the user ignored), so that the user may go on editing the
 * original meanwhile; against the libraries and with the rules the
 * Checks pane uses.
 */
typedef struct
{
  GBytes  *bytes;
  GStrv    disabled_rules;
  GStrv    disabled_categories;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->disabled_rules, g_strfreev);
  g_clear_pointer (&data->disabled_categories, g_strfreev);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(GFile) user_library = jh_library_dup_user_file ();
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(JhLibrarySet) libraries = NULL;
  g_autoptr(JhChecker) checker = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) error_item_free);
  const char * const *languages = g_get_language_names ();
  GError *error = NULL;

  plan = jh_plan_load_from_bytes (data->bytes, "plan", &error);
  if (plan != NULL)
    libraries = jh_library_set_load (TRUE, user_library, NULL, NULL, cancellable, &error);
  if (libraries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  checker = jh_checker_new (libraries);
  jh_checker_set_english (checker, !g_str_has_prefix (languages[0], "zh"));
  g_object_set (checker,
                "disabled-rules", data->disabled_rules,
                "disabled-categories", data->disabled_categories,
                NULL);
  findings = jh_checker_check (checker, plan);

  for (guint i = 0; i < findings->len; i++)
    {
      JhFinding *finding = g_ptr_array_index (findings, i);
      ErrorItem *item;

      if (jh_finding_get_severity (finding) != JH_SEVERITY_ERROR)
        continue;

      item = g_new0 (ErrorItem, 1);
      item->message = g_strdup (jh_finding_get_message (finding));
      item->location = jh_finding_dup_location (finding);
      g_ptr_array_add (errors, item);
    }

  g_task_return_pointer (task, g_steal_pointer (&errors), (GDestroyNotify) g_ptr_array_unref);
}

static void
update_export_button (JhExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), jh_export_dialog_can_export (self));
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JhExportDialog *self = JH_EXPORT_DIALOG (object);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  errors = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Checks that cannot run do not stop an export: the user sees why. */
  if (error != NULL)
    {
      g_warning ("Could not check the plan before exporting: %s", error->message);
      errors = g_ptr_array_new ();
    }

  for (guint i = 0; i < errors->len; i++)
    {
      ErrorItem *item = g_ptr_array_index (errors, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (item->message, -1);
      g_autofree char *subtitle = g_markup_escape_text (item->location, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-error-symbolic"));
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->errors_list, row);
    }

  self->n_errors = errors->len;
  self->checked = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), self->n_errors > 0);
  update_export_button (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
}

static void
start_checks (JhExportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CheckData *data;
  GBytes *bytes;

  task = g_task_new (self, self->cancellable, checked_cb, NULL);
  g_task_set_source_tag (task, start_checks);

  bytes = jh_plan_serialize (self->plan, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (CheckData, 1);
  data->bytes = bytes;
  if (self->settings != NULL)
    {
      data->disabled_rules = g_settings_get_strv (self->settings, "disabled-rules");
      data->disabled_categories = g_settings_get_strv (self->settings, "disabled-categories");
    }
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

/* Profile */

static void
update_profile_row (JhExportDialog *self)
{
  if (self->profile_file == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->profile_row), _("GB/T 9704-2012 (built in)"));
  else
    {
      g_autofree char *name = g_file_get_parse_name (self->profile_file);
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->profile_row), escaped);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reset_profile_button), self->profile_file != NULL);
}

static void
profile_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   JhExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      jh_export_dialog_set_profile_file (self, file);
    }

  g_object_unref (chooser);
}

static void
choose_profile_clicked_cb (JhExportDialog *self)
{
  GtkFileChooserNative *chooser = jh_page_profile_chooser_new (GTK_WINDOW (self));

  g_signal_connect (chooser, "response", G_CALLBACK (profile_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reset_profile_clicked_cb (JhExportDialog *self)
{
  jh_export_dialog_set_profile_file (self, NULL);
}

static void
format_changed_cb (JhExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->timeline_row),
                            jh_export_dialog_get_format (self) == JH_EXPORT_FORMAT_PDF);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

static void
timeline_toggled_cb (JhExportDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_TIMELINE]);
}

static void
schedule_table_toggled_cb (JhExportDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE_AS_TABLE]);
}

/* Export */

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JhExportDialog *self = JH_EXPORT_DIALOG (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (jh_export_dialog_export_finish (self, result, &error))
    message = g_strdup_printf (_("Exported “%s”"), name);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("Could not export “%s”: %s"), name, error->message);

  if (message != NULL && self->toasts != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      /* A failure stays until it is read, and goes before others. */
      if (error != NULL)
        {
          adw_toast_set_timeout (toast, 0);
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
        }
      adw_toast_overlay_add_toast (self->toasts, toast);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                JhExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      jh_export_dialog_export_and_close (self, file);
    }

  g_object_unref (chooser);
}

static void
export_clicked_cb (JhExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  JhExportFormat format = jh_export_dialog_get_format (self);
  GtkFileChooserNative *chooser;
  const char *title = jh_plan_get_title (self->plan);
  g_autofree char *name = NULL;

  if (!jh_export_dialog_can_export (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (format == JH_EXPORT_FORMAT_ODT)
    {
      gtk_file_filter_set_name (filter, _("OpenDocument Texts"));
      gtk_file_filter_add_mime_type (filter, JH_ODT_MIME_TYPE);
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, JH_PDF_MIME_TYPE);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Named after the plan, as staff name their files. */
  name = g_strdup_printf ("%s%s", *title ? title : _("Untitled Plan"),
                          format == JH_EXPORT_FORMAT_ODT ? ".odt" : ".pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject */

static void
jh_export_dialog_constructed (GObject *object)
{
  JhExportDialog *self = (JhExportDialog *) object;

  G_OBJECT_CLASS (jh_export_dialog_parent_class)->constructed (object);

  g_assert (JH_IS_PLAN (self->plan));

  if (self->settings != NULL && self->profile_file == NULL)
    self->profile_file = jh_export_settings_dup_profile_file (self->settings);
  update_profile_row (self);
  format_changed_cb (self);

  start_checks (self);
}

static void
jh_export_dialog_dispose (GObject *object)
{
  JhExportDialog *self = (JhExportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_clear_object (&self->toasts);
  g_clear_object (&self->profile_file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jh_export_dialog_parent_class)->dispose (object);
}

static void
jh_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JhExportDialog *self = JH_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_TOASTS:
      g_value_set_object (value, self->toasts);
      break;
    case PROP_FORMAT:
      g_value_set_enum (value, jh_export_dialog_get_format (self));
      break;
    case PROP_INCLUDE_TIMELINE:
      g_value_set_boolean (value, jh_export_dialog_get_include_timeline (self));
      break;
    case PROP_SCHEDULE_AS_TABLE:
      g_value_set_boolean (value, jh_export_dialog_get_schedule_as_table (self));
      break;
    case PROP_PROFILE_FILE:
      g_value_set_object (value, self->profile_file);
      break;
    case PROP_CHECKED:
      g_value_set_boolean (value, self->checked);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JhExportDialog *self = JH_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_TOASTS:
      self->toasts = g_value_dup_object (value);
      break;
    case PROP_FORMAT:
      jh_export_dialog_set_format (self, g_value_get_enum (value));
      break;
    case PROP_INCLUDE_TIMELINE:
      jh_export_dialog_set_include_timeline (self, g_value_get_boolean (value));
      break;
    case PROP_SCHEDULE_AS_TABLE:
      jh_export_dialog_set_schedule_as_table (self, g_value_get_boolean (value));
      break;
    case PROP_PROFILE_FILE:
      jh_export_dialog_set_profile_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_export_dialog_class_init (JhExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jh_export_dialog_constructed;
  object_class->dispose = jh_export_dialog_dispose;
  object_class->get_property = jh_export_dialog_get_property;
  object_class->set_property = jh_export_dialog_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         JH_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TOASTS] =
    g_param_spec_object ("toasts", NULL, NULL,
                         ADW_TYPE_TOAST_OVERLAY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL,
                       JH_TYPE_EXPORT_FORMAT, JH_EXPORT_FORMAT_ODT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INCLUDE_TIMELINE] =
    g_param_spec_boolean ("include-timeline", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCHEDULE_AS_TABLE] =
    g_param_spec_boolean ("schedule-as-table", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROFILE_FILE] =
    g_param_spec_object ("profile-file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHECKED] =
    g_param_spec_boolean ("checked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, errors_list);
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, timeline_row);
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, timeline_switch);
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, schedule_table_switch);
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, JhExportDialog, reset_profile_button);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_export_button);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, timeline_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_table_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_profile_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_profile_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jh_export_dialog_init (JhExportDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jh_export_dialog_new:
 * @parent: (nullable): the window whose plan is exported
 * @toasts: (nullable): where to say how the export went
 * @plan: the plan
 * @settings: (nullable): the application's settings: the page profile
 *   and the fonts chosen in Preferences
 *
 * Makes the dialog and starts checking @plan.
 *
 * Returns: (transfer floating): a new dialog
 */
JhExportDialog *
jh_export_dialog_new (GtkWindow       *parent,
                      AdwToastOverlay *toasts,
                      JhPlan          *plan,
                      GSettings       *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts), NULL);
  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (JH_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "toasts", toasts,
                       "plan", plan,
                       "settings", settings,
                       NULL);
}

JhPlan *
jh_export_dialog_get_plan (JhExportDialog *self)
{
  g_return_val_if_fail (JH_IS_EXPORT_DIALOG (self), NULL);

  return self->plan;
}

JhExportFormat
jh_export_dialog_get_format (JhExportDialog *self)
{
  g_return_val_if_fail (JH_IS_EXPORT_DIALOG (self), JH_EXPORT_FORMAT_ODT);

  return adw_combo_row_get_selected (self->format_row) == 1 ? JH_EXPORT_FORMAT_PDF : JH_EXPORT_FORMAT_ODT;
}

void
jh_export_dialog_set_format (JhExportDialog *self,
                             JhExportFormat  format)
{
  g_return_if_fail (JH_IS_EXPORT_DIALOG (self));

  /* The row notifies, and format_changed_cb() passes it on. */
  adw_combo_row_set_selected (self->format_row, format == JH_EXPORT_FORMAT_PDF ? 1 : 0);
}

/**
 * jh_export_dialog_get_include_timeline:
 * @self: a #JhExportDialog
 *
 * Returns: whether a PDF ends with the timeline
 */
gboolean
jh_export_dialog_get_include_timeline (JhExportDialog *self)
{
  g_return_val_if_fail (JH_IS_EXPORT_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->timeline_switch);
}

void
jh_export_dialog_set_include_timeline (JhExportDialog *self,
                                       gboolean        include_timeline)
{
  g_return_if_fail (JH_IS_EXPORT_DIALOG (self));

  include_timeline = !!include_timeline;
  if (include_timeline == gtk_switch_get_active (self->timeline_switch))
    return;

  /* The switch notifies, and timeline_toggled_cb() passes it on. */
  gtk_switch_set_active (self->timeline_switch, include_timeline);
}

/**
 * jh_export_dialog_get_schedule_as_table:
 * @self: a #JhExportDialog
 *
 * Returns: whether the schedule section is printed as a table
 */
gboolean
jh_export_dialog_get_schedule_as_table (JhExportDialog *self)
{
  g_return_val_if_fail (JH_IS_EXPORT_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->schedule_table_switch);
}

void
jh_export_dialog_set_schedule_as_table (JhExportDialog *self,
                                        gboolean        schedule_as_table)
{
  g_return_if_fail (JH_IS_EXPORT_DIALOG (self));

  schedule_as_table = !!schedule_as_table;
  if (schedule_as_table == gtk_switch_get_active (self->schedule_table_switch))
    return;

  gtk_switch_set_active (self->schedule_table_switch, schedule_as_table);
}

/**
 * jh_export_dialog_get_profile_file:
 * @self: a #JhExportDialog
 *
 * Returns: (transfer none) (nullable): the page profile file, or %NULL
 *   for GB/T 9704-2012
 */
GFile *
jh_export_dialog_get_profile_file (JhExportDialog *self)
{
  g_return_val_if_fail (JH_IS_EXPORT_DIALOG (self), NULL);

  return self->profile_file;
}

void
jh_export_dialog_set_profile_file (JhExportDialog *self,
                                   GFile          *file)
{
  g_return_if_fail (JH_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->profile_file == file ||
      (self->profile_file != NULL && file != NULL && g_file_equal (self->profile_file, file)))
    return;

  g_set_object (&self->profile_file, file);
  update_profile_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_FILE]);
}

/**
 * jh_export_dialog_get_checked:
 * @self: a #JhExportDialog
 *
 * Returns: whether the checks of the plan are done
 */
gboolean
jh_export_dialog_get_checked (JhExportDialog *self)
{
  g_return_val_if_fail (JH_IS_EXPORT_DIALOG (self), FALSE);

  return self->checked;
}

/**
 * jh_export_dialog_get_n_errors:
 * @self: a #JhExportDialog
 *
 * Returns: how many errors the checks found, listed at the top
 */
guint
jh_export_dialog_get_n_errors (JhExportDialog *self)
{
  g_return_val_if_fail (JH_IS_EXPORT_DIALOG (self), 0);

  return self->n_errors;
}

/**
 * jh_export_dialog_can_export:
 * @self: a #JhExportDialog
 *
 * Returns: whether the checks are done and found no error, or the user
 *   said to export despite them
 */
gboolean
jh_export_dialog_can_export (JhExportDialog *self)
{
  g_return_val_if_fail (JH_IS_EXPORT_DIALOG (self), FALSE);

  return self->checked &&
         (self->n_errors == 0 || gtk_check_button_get_active (self->confirm_button));
}

typedef struct
{
  JhExportFormat  format;
  JhLayoutFlags   flags;
  GFile          *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
document_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (jh_export_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
profile_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JhExportDialog *self = g_task_get_source_object (task);
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(JhPageProfile) profile = NULL;
  g_autoptr(JhLayout) layout = NULL;
  GError *error = NULL;

  profile = jh_export_settings_load_profile_finish (result, &error);
  if (profile == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The layout reads the plan, here in the main thread; the thread
   * only writes it out.
   */
  layout = jh_layout_new (self->plan, profile, data->flags);
  jh_export_async (layout, data->format, data->file, g_task_get_cancellable (task),
                   document_written_cb, g_object_ref (task));
}

/**
 * jh_export_dialog_export_async:
 * @self: a #JhExportDialog
 * @file: where to write the document
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Exports the plan as the dialog says (format, timeline, page profile)
 * with the fonts chosen in Preferences, to @file, as the Export button
 * does once a file is chosen.
 */
void
jh_export_dialog_export_async (JhExportDialog      *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (JH_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->format = jh_export_dialog_get_format (self);
  data->flags = JH_LAYOUT_FLAGS_NONE;
  if (data->format == JH_EXPORT_FORMAT_PDF && jh_export_dialog_get_include_timeline (self))
    data->flags |= JH_LAYOUT_INCLUDE_TIMELINE;
  if (jh_export_dialog_get_schedule_as_table (self))
    data->flags |= JH_LAYOUT_SCHEDULE_AS_TABLE;
  data->file = g_object_ref (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_export_dialog_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  jh_export_settings_load_profile_async (self->settings, self->profile_file, cancellable,
                                         profile_loaded_cb, g_steal_pointer (&task));
}

/**
 * jh_export_dialog_export_and_close:
 * @self: a #JhExportDialog
 * @file: where to write the document
 *
 * What the dialog does once the user has chosen @file: the dialog goes
 * away, the window stays usable while the file is written, and a toast
 * in the window says how it went.
 */
void
jh_export_dialog_export_and_close (JhExportDialog *self,
                                   GFile          *file)
{
  g_return_if_fail (JH_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  jh_export_dialog_export_async (self, file, self->cancellable, exported_cb, g_object_ref (file));
}

gboolean
jh_export_dialog_export_finish (JhExportDialog  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (JH_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
