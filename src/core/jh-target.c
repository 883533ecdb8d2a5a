/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-enum-types.h"
#include "jh-node-private.h"
#include "jh-target.h"

struct _JhTarget
{
  JhNode        parent_instance;

  char         *metric;
  char         *unit;
  double        number;
  JhComparison  comparison;
};

G_DEFINE_FINAL_TYPE (JhTarget, jh_target, JH_TYPE_NODE)

enum {
  PROP_0,
  PROP_METRIC,
  PROP_COMPARISON,
  PROP_NUMBER,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jh_target_finalize (GObject *object)
{
  JhTarget *self = (JhTarget *) object;

  g_clear_pointer (&self->metric, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (jh_target_parent_class)->finalize (object);
}

static void
jh_target_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JhTarget *self = JH_TARGET (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      g_value_set_string (value, self->metric);
      break;

    case PROP_COMPARISON:
      g_value_set_enum (value, self->comparison);
      break;

    case PROP_NUMBER:
      g_value_set_double (value, self->number);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_target_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JhTarget *self = JH_TARGET (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      jh_target_set_metric (self, g_value_get_string (value));
      break;

    case PROP_COMPARISON:
      jh_target_set_comparison (self, g_value_get_enum (value));
      break;

    case PROP_NUMBER:
      jh_target_set_number (self, g_value_get_double (value));
      break;

    case PROP_UNIT:
      jh_target_set_unit (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_target_class_init (JhTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jh_target_finalize;
  object_class->get_property = jh_target_get_property;
  object_class->set_property = jh_target_set_property;

  /**
   * JhTarget:metric:
   *
   * What is counted, such as 调研 or 提案.
   */
  properties[PROP_METRIC] =
    g_param_spec_string ("metric", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPARISON] =
    g_param_spec_enum ("comparison", NULL, NULL,
                       JH_TYPE_COMPARISON,
                       JH_COMPARISON_AT_LEAST,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NUMBER] =
    g_param_spec_double ("number", NULL, NULL,
                         0, JH_TARGET_MAX_NUMBER, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhTarget:unit:
   *
   * The unit of the number, such as 次, 篇 or 万元.
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_target_init (JhTarget *self)
{
  self->metric = g_strdup ("");
  self->unit = g_strdup ("");
}

JhTarget *
jh_target_new (const char   *metric,
               JhComparison  comparison,
               double        number,
               const char   *unit)
{
  return g_object_new (JH_TYPE_TARGET,
                       "metric", metric,
                       "comparison", comparison,
                       "number", number,
                       "unit", unit,
                       NULL);
}

const char *
jh_target_get_metric (JhTarget *self)
{
  g_return_val_if_fail (JH_IS_TARGET (self), NULL);

  return self->metric;
}

void
jh_target_set_metric (JhTarget   *self,
                      const char *metric)
{
  g_return_if_fail (JH_IS_TARGET (self));

  if (_jh_set_line (&self->metric, metric))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC]);
}

JhComparison
jh_target_get_comparison (JhTarget *self)
{
  g_return_val_if_fail (JH_IS_TARGET (self), JH_COMPARISON_AT_LEAST);

  return self->comparison;
}

void
jh_target_set_comparison (JhTarget     *self,
                          JhComparison  comparison)
{
  g_return_if_fail (JH_IS_TARGET (self));
  g_return_if_fail (comparison <= JH_COMPARISON_EXACTLY);

  if (self->comparison == comparison)
    return;

  self->comparison = comparison;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

double
jh_target_get_number (JhTarget *self)
{
  g_return_val_if_fail (JH_IS_TARGET (self), 0);

  return self->number;
}

void
jh_target_set_number (JhTarget *self,
                      double    number)
{
  g_return_if_fail (JH_IS_TARGET (self));
  g_return_if_fail (number >= 0 && number <= JH_TARGET_MAX_NUMBER);

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
jh_target_get_unit (JhTarget *self)
{
  g_return_val_if_fail (JH_IS_TARGET (self), NULL);

  return self->unit;
}

void
jh_target_set_unit (JhTarget   *self,
                    const char *unit)
{
  g_return_if_fail (JH_IS_TARGET (self));

  if (_jh_set_line (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/**
 * jh_target_to_string:
 * @self: a #JhTarget
 *
 * Formats the target for display, as "调研 ≥ 2 次".
 *
 * Returns: (transfer full): the target as text
 */
char *
jh_target_to_string (JhTarget *self)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (JH_IS_TARGET (self), NULL);

  g_ascii_formatd (number, sizeof number, "%.10g", self->number);

  return g_strdup_printf ("%s %s %s%s%s",
                          self->metric,
                          jh_comparison_get_symbol (self->comparison),
                          number,
                          *self->unit ? " " : "",
                          self->unit);
}
