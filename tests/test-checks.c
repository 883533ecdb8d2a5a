/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jihua.h"
#include "test-utils.h"

/* The checks on plans with known defects: each category flags what it
 * should and nothing else; the sample plan checks clean; a plan carried
 * over from last year lights up; a plan made of prior-year text from the
 * corpus shows its placeholders, punctuation and broken enumerations.
 */

static JhChecker *
new_checker (void)
{
  g_autoptr(JhLibrarySet) set = jh_library_set_new ();
  g_autoptr(JhLibrary) builtin = jh_library_new_builtin ();
  JhChecker *checker;

  jh_library_set_append (set, builtin);
  checker = jh_checker_new (set);
  jh_checker_set_english (checker, FALSE);

  return checker;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static JhPlan *
load_plan (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JhPlan *plan;

  plan = jh_plan_load_from_file (file, NULL, &error);
  g_assert_no_error (error);

  return plan;
}

/* "rule|text" for each finding, for comparing with what is expected. */
static char *
describe (GPtrArray *findings)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      JhFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (text, "%s|%s\n", jh_finding_get_rule_id (finding), jh_finding_get_text (finding));
    }

  return g_string_free (text, FALSE);
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (jh_finding_get_rule_id (g_ptr_array_index (findings, i)), rule_id))
      n++;

  return n;
}

static JhFinding *
find_rule (GPtrArray  *findings,
           const char *rule_id)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (jh_finding_get_rule_id (g_ptr_array_index (findings, i)), rule_id))
      return g_ptr_array_index (findings, i);

  return NULL;
}

static JhPlan *
new_plan (guint year)
{
  JhPlan *plan = jh_plan_new (year);

  jh_plan_set_title (plan, "测试计划");
  jh_plan_set_organization (plan, "青桥街道政协工作委员会");

  return plan;
}

static JhSection *
add_section (JhPlan        *plan,
             JhSectionKind  kind)
{
  g_autoptr(JhSection) section = jh_section_new (kind, jh_section_kind_get_title (kind));

  jh_plan_insert_section (plan, -1, section);

  return section;
}

static JhParagraph *
add_paragraph (JhSection  *section,
               const char *text)
{
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new (text);

  jh_section_insert_paragraph (section, -1, paragraph);

  return paragraph;
}

static JhTask *
add_task (JhSection  *section,
          const char *lead,
          const char *timing)
{
  g_autoptr(JhTask) task = jh_task_new (lead);

  jh_task_set_timing (task, timing);
  jh_section_insert_task (section, -1, task);

  return task;
}

/* A plan with the parts the plan-level rules ask for, so that a test of
 * one category sees only what it adds.
 */
static JhPlan *
new_complete_plan (guint year)
{
  JhPlan *plan = new_plan (year);
  JhSection *section;

  section = add_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY);
  add_paragraph (section, "以习近平新时代中国特色社会主义思想为指导，坚持团结和民主两大主题。");
  add_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  section = add_section (plan, JH_SECTION_KIND_SAFEGUARDS);
  add_paragraph (section, "加强组织领导，落实工作经费。");

  return plan;
}

static void
test_sample_clean (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(GPtrArray) findings = jh_checker_check (checker, plan);
  g_autofree char *found = describe (findings);

  g_assert_cmpstr (found, ==, "");
}

static const char * const carried_expected =
  "reuse.superseded-clause|以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届历次全会精神，增强“四个意识”、坚定“四个自信”、做到“两个维护”，紧扣“十四五”规划目标任务，坚持团结和民主两大主题，紧紧围绕中心工作履职尽责。\n"
  "reuse.carried-over|以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届历次全会精神，增强“四个意识”、坚定“四个自信”、做到“两个维护”，紧扣“十四五”规划目标任务，坚持团结和民主两大主题，紧紧围绕中心工作履职尽责。\n"
  "formulation.19th-congress|十九大\n"
  "formulation.19th-plenums|十九届历次全会精神\n"
  "formulation.14th-five-year|十四五\n"
  "reuse.carried-over|坚持集中学习制度，全年组织委员集中学习不少于4次。一是深入学习贯彻党的十九大精神；二是深入开展“两学一做”学习教育，推进常态化制度化；三是及时传达学习全国和省、市、区两会精神。\n"
  "formulation.19th-congress|十九大\n"
  "formulation.two-studies|两学一做\n"
  "reuse.carried-over|全年组织委员视察不少于2次，重点关注背街小巷环境整治和社区公共服务设施建设，对发现的问题及时提出意见建议。\n"
  "reuse.carried-over|引导委员在深入调查研究的基础上撰写提案，全年提交提案不少于10件，其中以工委名义提交的集体提案不少于2件。\n"
  "reuse.carried-over|第一季度：2月下旬，召开工委全体委员会议，研究部署全年工作；3月中旬，组织委员集中学习。\n"
  "reuse.carried-over|第二季度：4月中旬，开展街道重点工作专题协商；6月中旬，组织委员开展第1次集中视察。\n"
  "reuse.carried-over|第三季度：9月中旬，开展小微企业发展和营商环境专题调研。\n"
  "reuse.carried-over|第四季度：11月下旬，组织委员开展第2次集中视察；12月中旬，总结全年工作。\n"
  "reuse.carried-over|在街道党工委的领导下，工委主任对全年工作负总责，副主任按照分工各负其责，工委办公室具体做好组织协调和日常服务工作。\n"
  "reuse.carried-over|街道将安排5万元专项工作经费，纳入年度财政预算，专款专用，主要用于委员学习、协商议事和履职服务保障。\n";

/* The fixture is last year's plan carried over by `jihua-cli new
 * --from`, with the opening and the research target edited.
 */
static void
test_carried_over_file (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) prior = load_plan ("carried-2026.jhplan");
  g_autoptr(JhPlan) plan = load_plan ("carried-2027.jhplan");
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;

  jh_checker_add_prior_plan (checker, "carried-2026.jhplan", prior);
  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==, carried_expected);
}

static void
edit_paragraph (JhSection  *section,
                guint       task_index,
                const char *old,
                const char *new)
{
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), task_index);
  g_autoptr(JhParagraph) paragraph = g_list_model_get_item (jh_task_get_paragraphs (task), 0);
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = g_strsplit (jh_paragraph_get_text (paragraph), old, 2);

  g_assert_nonnull (parts[1]);
  text = g_strjoin (new, parts[0], parts[1], NULL);
  jh_paragraph_set_text (paragraph, text);
}

/* The same through the API the window uses. */
static void
test_carried_over_api (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) prior = load_plan ("carried-2026.jhplan");
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JhParagraph) opening = NULL;
  g_autofree char *found = NULL;
  g_autofree char *opening_text = NULL;

  plan = jh_plan_carry_over (prior, "carried-2026.jhplan", &error);
  g_assert_no_error (error);

  opening = g_list_model_get_item (jh_section_get_paragraphs (jh_plan_find_section (plan, JH_SECTION_KIND_PREAMBLE)), 0);
  opening_text = g_strdup (jh_paragraph_get_text (opening));
  opening_text[3] = '7';
  jh_paragraph_set_text (opening, opening_text);
  edit_paragraph (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS), 1, "不少于3次", "不少于4次");

  jh_checker_add_prior_plan (checker, "carried-2026.jhplan", prior);
  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==, carried_expected);

  /* Without last year's plan, copied text cannot be told from edited. */
  {
    g_autoptr(JhChecker) alone = new_checker ();
    g_autoptr(GPtrArray) without = jh_checker_check (alone, plan);

    g_assert_cmpuint (count_rule (without, "reuse.carried-over"), ==, 0);
    g_assert_cmpuint (count_rule (without, "formulation.19th-congress"), ==, 2);
  }

  /* The provenance names the file to look for. */
  {
    g_auto(GStrv) sources = jh_plan_dup_prior_sources (plan);

    g_assert_cmpstrv (sources, ((const char * const[]) { "carried-2026.jhplan", NULL }));
  }
}

/* Paragraphs of the corpus, as a user's import of prior-year plans
 * gives them: each finding below is a real defect of the text, and
 * nothing else is flagged.
 */
static void
test_corpus (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  JhSection *section;

  jh_plan_set_title (plan, "香山街道政协工委工作计划");

  section = add_section (plan, JH_SECTION_KIND_PREAMBLE);
  add_paragraph (section, "20xx年香山街道政协工委将在吴中区委、区政协和街道党工委的正确领导下，按照区政协三届四次会议提出的新要求，牢牢把握团结和民主两大主题，紧紧围绕街道中心工作，认真履行政治协商、民主监督、参政议政职能，服务大局、发挥作用，为街道经济社会又好又快发展作出新贡献。");

  section = add_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY);
  add_paragraph (section, "20xx年，**镇政协委员会坚持以“三个代表”重要思想为指导，认真落实科学发展观，深入贯彻“十八大”和市政协会议精神，在镇党委和市政协的领导下，围绕全镇的中心工作和重点工作，创造性地履行政治协商、民主监督、参政议政职能，牢牢把握团结和民主两大主题，团结带领全体政协委员，扎实工作、开拓创新，为推动全镇又好又快发展做出新的贡献。");

  section = add_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  add_paragraph (section, "街道政协工委将把认真学习党的十八届三中全会精神以及一系列新思想、新观念、新论断作为首要政治任务。一是继续强化学习制度，认真制定学习计划，定期组织委员参加集中学习和培训，保持自主学习和做好学习笔记的良好习惯。二是把握学习重点、精选学习内容、丰富学习形式，通过学习会、研讨会、交流会等不同形式，组织传达学习中央和省、市、区重要会议精神。四是要以解决群众最关心、最直接、最现实的利益问题为根本出发点，认真做好社情民意信息的收集、报送和反馈工作。");
  add_paragraph (section, "要坚持维护核心、服务中心、凝聚人心,充分调动政协工委全体政协委员在抓调整、促转型、谋发展、建和谐上的积极性,富有成效地履行政治协商、民主监督、参政议政职能,努力做到在继承中发展,在发展中创新,在创新中提高,开创政协工作新局面。");
  add_paragraph (section, "明年政协工委学习的重点是:学习全国、省、市、区两会会议精神;学习领会_十八大精神;学习实践科学发展观。");
  add_paragraph (section, "1、学习培训(10分)：全年不少于4次，开展培训1次。出勤率不低于80%，每次3分。");
  add_paragraph (section, "2、组织调研(20分)：全年2次，并写出调研报告，每份10份。");
  add_paragraph (section, "3、开展视察(10分)：全年2次，出勤率不低于80%，每次5分。");
  add_paragraph (section, "4、民主监督(10分)：全年2次。出勤率不低于80%，每次5分。");
  add_paragraph (section, "5、建言献策(15分)：达到委员数的50%，得满分。");
  add_paragraph (section, "7、爱心捐助：(10分)：全年人均不少于500元。");

  section = add_section (plan, JH_SECTION_KIND_SAFEGUARDS);
  add_paragraph (section, "镇政府将安排5万元专项工作经费，用于县人大代表、政协委员开展联系服务重点项目活动，活动经费由镇人大主席团和镇政协联工委统一管理和安排调度。");
  add_paragraph (section, "四是提高自身形象，打造出色委员队伍。具体明确两名同志负责街道政协联络处工作，负责履职联络等相关事项，使联络处组织领导工作得到加强。");

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==,
                   "placeholder.year|20xx\n"
                   "formulation.sound-and-fast|又好又快发展\n"
                   "placeholder.year|20xx\n"
                   "placeholder.asterisks|**\n"
                   "formulation.old-guiding-thought|以“三个代表”重要思想为指导\n"
                   "formulation.18th-congress|十八大\n"
                   "formulation.sound-and-fast|又好又快发展\n"
                   "formulation.18th-plenums|十八届三中全会精神\n"
                   "numbering.shi|四是\n"
                   "punctuation.half-width|,\n"
                   "punctuation.half-width|,\n"
                   "punctuation.half-width|,\n"
                   "punctuation.half-width|,\n"
                   "punctuation.half-width|,\n"
                   "punctuation.half-width|,\n"
                   "punctuation.half-width|:\n"
                   "punctuation.half-width|;\n"
                   "placeholder.underline|_\n"
                   "formulation.18th-congress|十八大\n"
                   "punctuation.half-width|;\n"
                   "formulation.scientific-outlook-campaign|学习实践科学发展观\n"
                   "punctuation.half-width-brackets|(10分)\n"
                   "punctuation.half-width-brackets|(20分)\n"
                   "punctuation.half-width-brackets|(10分)\n"
                   "punctuation.half-width-brackets|(10分)\n"
                   "punctuation.half-width-brackets|(15分)\n"
                   "numbering.arabic|7、\n"
                   "punctuation.half-width-brackets|(10分)\n");

  /* The fixes the findings offer. */
  {
    JhFinding *finding = find_rule (findings, "numbering.arabic");
    JhFix *fix = g_ptr_array_index (jh_finding_get_fixes (finding), 0);

    g_assert_cmpstr (jh_fix_get_replacement (fix), ==, "6、");
    finding = find_rule (findings, "punctuation.half-width-brackets");
    fix = g_ptr_array_index (jh_finding_get_fixes (finding), 0);
    g_assert_cmpstr (jh_fix_get_replacement (fix), ==, "（10分）");
    finding = find_rule (findings, "placeholder.year");
    fix = g_ptr_array_index (jh_finding_get_fixes (finding), 0);
    g_assert_cmpstr (jh_fix_get_replacement (fix), ==, "2027");
  }
}

static void
test_formulation (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhTask *task;
  JhFinding *finding;

  task = add_task (tasks, "紧扣“十四五”规划，深入开展协商", "全年");
  jh_task_set_owner (task, "十四五规划办公室");
  add_paragraph (tasks, "“十四五”时期，街道经济社会发展取得显著成效。党的十九大以来，街道政协工作不断完善。");

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  /* The lead is read; the owner's name is not wording; the retrospective
   * sentences are fine.
   */
  g_assert_cmpstr (found, ==, "formulation.14th-five-year|十四五\n");

  finding = g_ptr_array_index (findings, 0);
  g_assert_true (jh_finding_get_node (finding) == JH_NODE (task));
  g_assert_cmpint (jh_finding_get_field (finding), ==, JH_FINDING_FIELD_LEAD);
  g_assert_cmpint (jh_finding_get_char_offset (finding), ==, 3);
  g_assert_cmpint (jh_finding_get_char_length (finding), ==, 3);
  g_assert_cmpstr (jh_finding_get_task_path (finding), ==, "1");
  g_assert_cmpstr (jh_finding_get_section_title (finding), ==, "主要任务");
  g_assert_cmpstr (jh_finding_get_context (finding), ==, "紧扣“十四五”规划，深入开展协商");
  g_assert_cmpint (jh_finding_get_severity (finding), ==, JH_SEVERITY_ERROR);
  g_assert_cmpstr (jh_finding_get_message (finding), ==, "2027年已进入“十五五”时期，“十四五”应改为“十五五”");

  /* What is current depends on the plan's year. */
  jh_plan_set_year (plan, 2025);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = jh_checker_check (checker, plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_placeholder (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhFix) fix = NULL;
  JhParagraph *paragraph;
  JhFinding *finding;

  jh_plan_set_title (plan, "20xx年XX街道工作计划");
  jh_plan_set_organization (plan, "××街道政协工委");
  paragraph = add_paragraph (tasks, "X月X日，在{上级组织}的领导下，组织委员到某某社区开展走访，邀请***同志和___同志参加。");

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==,
                   "placeholder.year|20xx\n"
                   "placeholder.letters|XX\n"
                   "placeholder.crosses|××\n"
                   "placeholder.date|X\n"
                   "placeholder.date|X\n"
                   "placeholder.variable|{上级组织}\n"
                   "placeholder.mou|某某\n"
                   "placeholder.asterisks|***\n"
                   "placeholder.underline|___\n");

  /* Fixing the year fills in the plan's year. */
  finding = g_ptr_array_index (findings, 0);
  g_assert_true (jh_finding_apply_fix (finding, g_ptr_array_index (jh_finding_get_fixes (finding), 0), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "2027年XX街道工作计划");

  /* A fix on text changed since the check is refused. */
  jh_paragraph_set_text (paragraph, "X月…");
  finding = find_rule (findings, "placeholder.mou");
  fix = jh_fix_new_replace ("青桥");
  g_assert_false (jh_finding_apply_fix (finding, fix, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_required (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JhParagraph) inserted = NULL;
  g_autofree char *found = NULL;
  JhSection *section;
  JhFinding *finding;
  JhFix *fix;

  section = add_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  add_task (section, "加强理论学习，提高履职能力", "每季度");
  section = add_section (plan, JH_SECTION_KIND_SAFEGUARDS);
  add_paragraph (section, "工委主任对全年工作负总责，副主任按照分工各负其责。");

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==,
                   "required.guiding-ideology|\n"
                   "required.funding|保障措施\n");

  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (jh_finding_get_field (finding), ==, JH_FINDING_FIELD_PLAN);
  g_assert_null (jh_finding_get_section (finding));
  fix = g_ptr_array_index (jh_finding_get_fixes (finding), 0);
  g_assert_cmpint (jh_fix_get_kind (fix), ==, JH_FIX_KIND_CLAUSE);
  g_assert_cmpstr (jh_fix_get_clause_id (fix), ==, "guiding.core");

  /* The clause goes into a new section where its kind belongs, the
   * plan's organization filled in.
   */
  g_assert_true (jh_finding_apply_fix (finding, fix, &error));
  g_assert_no_error (error);
  section = g_list_model_get_item (jh_plan_get_sections (plan), 0);
  g_assert_cmpint (jh_section_get_kind (section), ==, JH_SECTION_KIND_GUIDING_IDEOLOGY);
  inserted = g_list_model_get_item (jh_section_get_paragraphs (section), 0);
  g_assert_nonnull (strstr (jh_paragraph_get_text (inserted), "团结带领青桥街道政协工作委员会全体干部群众"));
  g_assert_cmpstr (jh_provenance_get_clause_id (jh_paragraph_get_provenance (inserted)), ==, "guiding.core");
  g_object_unref (section);

  /* The other fix adds the funding clause to the section. */
  finding = g_ptr_array_index (findings, 1);
  g_assert_true (jh_finding_apply_fix (finding, g_ptr_array_index (jh_finding_get_fixes (finding), 0), &error));
  g_assert_no_error (error);

  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = jh_checker_check (checker, plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_schedule (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) child = jh_task_new ("走访委员");
  JhTask *task;
  JhFinding *finding;

  /* A task and its sub-task without dates are one finding. */
  task = add_task (tasks, "加强委员联系", NULL);
  jh_task_insert_subtask (task, -1, child);
  task = add_task (tasks, "组织委员视察不少于2次", "2026年5月");
  task = add_task (tasks, "开展专题调研不少于3次", "5月中旬");
  {
    g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("2025年8月，组织委员开展专题调研。");

    jh_task_insert_paragraph (task, -1, paragraph);
  }

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  /* The year rule leaves dates to the schedule. */
  g_assert_cmpstr (found, ==,
                   "schedule.unscheduled|加强委员联系\n"
                   "schedule.outside-year|2026年5月\n"
                   "schedule.outside-year|2025年8月\n");

  finding = g_ptr_array_index (findings, 1);
  g_assert_cmpint (jh_finding_get_field (finding), ==, JH_FINDING_FIELD_TIMING);
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpint (jh_finding_get_field (finding), ==, JH_FINDING_FIELD_PARAGRAPH);
  g_assert_cmpint (jh_finding_get_char_offset (finding), ==, 0);
  g_assert_cmpint (jh_finding_get_char_length (finding), ==, 7);
  g_assert_cmpint (jh_finding_get_paragraph_index (finding), ==, 0);
  g_assert_cmpstr (jh_finding_get_task_path (finding), ==, "3");

  /* All the work in the fourth quarter. */
  {
    g_autoptr(JhPlan) late = new_complete_plan (2027);
    g_autoptr(GPtrArray) late_findings = NULL;
    JhSection *late_tasks = jh_plan_find_section (late, JH_SECTION_KIND_MAIN_TASKS);
    g_autofree char *late_found = NULL;

    add_task (late_tasks, "开展专题调研不少于1次", "10月");
    add_task (late_tasks, "组织委员视察不少于1次", "11月中旬");
    add_task (late_tasks, "召开全体委员会议", "12月下旬");
    late_findings = jh_checker_check (checker, late);
    late_found = describe (late_findings);
    g_assert_cmpstr (late_found, ==, "schedule.concentrated|\n");
    g_assert_cmpstr (jh_finding_get_message (g_ptr_array_index (late_findings, 0)), ==,
                     "全年工作都安排在第四季度，其他季度没有安排");
  }
}

static void
test_target (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhTask *task;

  add_task (tasks, "加强民主监督，组织委员视察", "6月");
  task = add_task (tasks, "做好社情民意信息工作", "每月");
  {
    g_autoptr(JhTarget) target = jh_target_new ("社情民意信息", JH_COMPARISON_AT_LEAST, 12, "条");

    jh_task_insert_target (task, -1, target);
  }
  /* A parent whose sub-tasks state the numbers. */
  task = add_task (tasks, "围绕民生实事开展专题调研", "4-10月");
  {
    g_autoptr(JhTask) child = jh_task_new ("养老服务情况调研");
    g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("5月开展专题调研1次。");

    jh_task_insert_paragraph (child, -1, paragraph);
    jh_task_insert_subtask (task, -1, child);
  }
  add_task (tasks, "加强宣传工作，讲好政协故事", "全年");

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==, "target.quantity|视察\n");
  g_assert_cmpint (jh_finding_get_char_offset (g_ptr_array_index (findings, 0)), ==, 11);
}

static void
test_punctuation (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhParagraph *paragraph;

  paragraph = add_paragraph (tasks, "围绕中心,服务大局。。组织委员开展“有事好商量协商活动(每季度1次)。会议于9:30开始。");

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==,
                   "punctuation.half-width|,\n"
                   "punctuation.doubled|。。\n"
                   "punctuation.unpaired|“\n"
                   "punctuation.half-width-brackets|(每季度1次)\n");

  /* Fixes from the last to the first keep the offsets right. */
  for (int i = findings->len - 1; i >= 0; i--)
    {
      JhFinding *finding = g_ptr_array_index (findings, i);
      GPtrArray *fixes = jh_finding_get_fixes (finding);

      if (fixes->len == 0)
        continue;
      g_assert_true (jh_finding_apply_fix (finding, g_ptr_array_index (fixes, 0), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (jh_paragraph_get_text (paragraph), ==,
                   "围绕中心，服务大局。组织委员开展“有事好商量协商活动（每季度1次）。会议于9:30开始。");
}

static void
test_numbering (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhTask *task;

  /* An enumeration that goes on into the next paragraph. */
  add_paragraph (tasks, "一是加强学习；二是深入调研。");
  add_paragraph (tasks, "四是强化监督；五是凝聚共识。");
  /* A new list starts again at one. */
  add_paragraph (tasks, "一是走访委员；二是召开座谈会。");
  add_paragraph (tasks, "1、组织学习；2、开展调研；2、开展视察；3、撰写报告。");
  /* Months are not numbers of a list, nor is 统一是 one. */
  add_paragraph (tasks, "团结统一是政协工作的重要原则。4、5月组织委员视察，一、二月份开展走访。");
  task = add_task (tasks, "加强自身建设", "全年");
  {
    g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("（1）完善制度；（3）健全档案。");

    jh_task_insert_paragraph (task, -1, paragraph);
  }

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==,
                   "numbering.shi|四是\n"
                   "numbering.arabic|2、\n"
                   "numbering.parenthesized|（3）\n");
  g_assert_cmpint (jh_finding_get_paragraph_index (g_ptr_array_index (findings, 0)), ==, 1);
}

static void
test_duplicate (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhSection *schedule = add_section (plan, JH_SECTION_KIND_SCHEDULE);
  JhTask *task;

  task = add_task (tasks, "开展专题调研不少于1次", "5月");
  {
    g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("围绕辖区老旧小区改造和加装电梯等问题开展专题调研，提出推进改造的意见建议。");

    jh_task_insert_paragraph (task, -1, paragraph);
  }
  add_paragraph (schedule, "5月，围绕辖区老旧小区改造和加装电梯等问题开展专题调研，提出推进改造的意见建议。");
  add_paragraph (schedule, "6月，围绕社区嵌入式养老服务设施建设开展专题调研，推动完善服务网络。");

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==,
                   "duplicate.paragraph|5月，围绕辖区老旧小区改造和加装电梯等问题开展专题调研，提出推进改造的意见建议。\n");
  g_assert_cmpstr (jh_finding_get_message (g_ptr_array_index (findings, 0)), ==,
                   "本段与“主要任务/1”第1段基本相同");
}

static void
test_year (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);

  add_paragraph (tasks, "认真做好2014年度委员履职考核工作。");
  add_paragraph (tasks, "2026年以来，委员工作室实现全覆盖。截至2026年底，已建成委员工作室5个。");
  add_paragraph (tasks, "认真学习《中国共产党统一战线工作条例》，展望2035年远景目标。");
  jh_plan_set_title (plan, "青桥街道政协工委二〇二五年工作计划");

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==,
                   "year.stale|二〇二五\n"
                   "year.stale|2014\n");
}

static void
test_reuse_clause_version (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(JhProvenance) old = jh_provenance_new ("guiding.core", 1, NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  JhSection *guiding = jh_plan_find_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY);
  g_autoptr(JhParagraph) paragraph = g_list_model_get_item (jh_section_get_paragraphs (guiding), 0);
  JhFinding *finding;
  JhFix *fix;

  jh_paragraph_set_provenance (paragraph, old);
  add_paragraph (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS), "加强委员队伍建设，提高履职能力。");

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==, "reuse.clause-version|以习近平新时代中国特色社会主义思想为指导，坚持团结和民主两大主题。\n");
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (jh_finding_get_message (finding), ==, "本段来自条款“指导思想（通用）”第1版，条款库中已有第3版");

  /* The difference from the current wording, to show. */
  {
    g_autoptr(GPtrArray) diff = jh_finding_dup_diff (finding);
    g_autofree char *shown = NULL;
    g_autoptr(GString) old_text = g_string_new (NULL);
    g_autoptr(GString) new_text = g_string_new (NULL);

    g_assert_nonnull (diff);
    shown = jh_text_diff_format (diff);
    g_test_message ("%s", shown);
    for (guint i = 0; i < diff->len; i++)
      {
        JhDiffChunk *chunk = g_ptr_array_index (diff, i);

        if (chunk->op != JH_DIFF_INSERT)
          g_string_append (old_text, chunk->text);
        if (chunk->op != JH_DIFF_DELETE)
          g_string_append (new_text, chunk->text);
      }
    g_assert_cmpstr (old_text->str, ==, jh_paragraph_get_text (paragraph));
    {
      g_autofree char *expected = jh_clause_expand (jh_fix_get_clause (g_ptr_array_index (jh_finding_get_fixes (finding), 0)), plan);

      g_assert_cmpstr (new_text->str, ==, expected);
    }
    g_assert_nonnull (strstr (shown, "{+"));
  }

  fix = g_ptr_array_index (jh_finding_get_fixes (finding), 0);
  g_assert_true (jh_finding_apply_fix (finding, fix, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jh_provenance_get_clause_version (jh_paragraph_get_provenance (paragraph)), ==, 3);

  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = jh_checker_check (checker, plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_english (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) chinese = NULL;
  g_autoptr(GPtrArray) english = NULL;

  add_paragraph (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS), "深入学习贯彻党的十九大精神。");

  chinese = jh_checker_check (checker, plan);
  jh_checker_set_english (checker, TRUE);
  english = jh_checker_check (checker, plan);

  g_assert_cmpstr (jh_finding_get_message (g_ptr_array_index (chinese, 0)), ==,
                   "“十九大”已不是现行提法：党的二十大已于2022年召开，2027年的计划应写“二十大”");
  g_assert_cmpstr (jh_finding_get_message (g_ptr_array_index (english, 0)), ==,
                   "“十九大” (the 19th Party Congress) is out of date: a plan for 2027 refers to the 20th, “二十大”");
}

static void
test_paragraph (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  JhSection *section = add_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhParagraph *paragraph;

  add_paragraph (section, "20xx年工作安排如下。");
  paragraph = add_paragraph (section, "深入学习贯彻党的十九大精神,提高履职能力。");

  /* Only the paragraph, and none of the plan's missing sections. */
  findings = jh_checker_check_paragraph (checker, paragraph);
  found = describe (findings);
  g_assert_cmpstr (found, ==,
                   "formulation.19th-congress|十九大\n"
                   "punctuation.half-width|,\n");
  g_assert_cmpint (jh_finding_get_paragraph_index (g_ptr_array_index (findings, 0)), ==, 1);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Changes *changes = user_data;

  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_signals++;
}

/* The duplicates a report keeps between edits are those a fresh check
 * finds: paragraph by paragraph, as the user makes and unmakes copies.
 */
static char *
dup_duplicates (GListModel *findings)
{
  GString *found = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(JhFinding) finding = g_list_model_get_item (findings, i);

      if (jh_finding_get_category (finding) == JH_RULE_CATEGORY_DUPLICATE)
        g_string_append_printf (found, "%p %s\n", jh_finding_get_node (finding), jh_finding_get_message (finding));
    }

  return g_string_free (found, FALSE);
}

static void
assert_report_is_fresh (JhChecker *checker,
                        JhReport  *report,
                        JhPlan    *plan,
                        JhNode    *changed)
{
  g_autoptr(JhReport) fresh = jh_report_new (checker, plan);
  g_autofree char *kept = NULL;
  g_autofree char *anew = NULL;

  jh_report_recheck (report, changed);
  jh_report_refresh (fresh);
  kept = dup_duplicates (G_LIST_MODEL (report));
  anew = dup_duplicates (G_LIST_MODEL (fresh));
  g_assert_cmpstr (kept, ==, anew);
}

static void
test_report_duplicates (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhReport) report = jh_report_new (checker, plan);
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) first = g_list_model_get_item (jh_section_get_tasks (tasks), 0);
  g_autoptr(JhTask) last = g_list_model_get_item (jh_section_get_tasks (tasks), 9);
  g_autoptr(JhParagraph) early = g_list_model_get_item (jh_task_get_paragraphs (first), 0);
  g_autoptr(JhParagraph) late = g_list_model_get_item (jh_task_get_paragraphs (last), 0);
  g_autofree char *early_text = g_strdup (jh_paragraph_get_text (early));
  g_autofree char *late_text = g_strdup (jh_paragraph_get_text (late));
  g_autofree char *found = NULL;
  g_autofree char *late_pointer = NULL;
  g_autoptr(JhParagraph) copy = NULL;

  jh_report_refresh (report);
  found = dup_duplicates (G_LIST_MODEL (report));
  g_assert_cmpstr (found, ==, "");

  /* The late paragraph made a copy of the early one: flagged. */
  jh_paragraph_set_text (late, early_text);
  assert_report_is_fresh (checker, report, plan, JH_NODE (late));
  g_clear_pointer (&found, g_free);
  found = dup_duplicates (G_LIST_MODEL (report));
  late_pointer = g_strdup_printf ("%p", late);
  g_assert_nonnull (strstr (found, late_pointer));

  /* A third copy, added: both later ones are flagged. */
  copy = jh_paragraph_new (early_text);
  jh_task_insert_paragraph (last, -1, copy);
  assert_report_is_fresh (checker, report, plan, JH_NODE (copy));

  /* The early one reworded: the two later copies are each other's. */
  jh_paragraph_set_text (early, "全新的一段话，与其他段落毫不相同，用来检验重复段落的判断。");
  assert_report_is_fresh (checker, report, plan, JH_NODE (early));

  /* The copy removed, the late one given back its words: none left. */
  jh_task_remove_paragraph (last, copy);
  assert_report_is_fresh (checker, report, plan, NULL);
  jh_paragraph_set_text (late, late_text);
  jh_paragraph_set_text (early, early_text);
  assert_report_is_fresh (checker, report, plan, NULL);
  g_clear_pointer (&found, g_free);
  found = dup_duplicates (G_LIST_MODEL (report));
  g_assert_cmpstr (found, ==, "");
}

static void
test_report (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhReport) report = jh_report_new (checker, plan);
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) first = g_list_model_get_item (jh_section_get_tasks (tasks), 0);
  g_autoptr(JhTask) last = g_list_model_get_item (jh_section_get_tasks (tasks), 9);
  g_autoptr(JhParagraph) early = g_list_model_get_item (jh_task_get_paragraphs (first), 0);
  g_autoptr(JhParagraph) late = g_list_model_get_item (jh_task_get_paragraphs (last), 0);
  g_autofree char *early_text = g_strdup (jh_paragraph_get_text (early));
  g_autofree char *late_text = g_strdup (jh_paragraph_get_text (late));
  g_autofree char *edited = NULL;
  g_autoptr(JhFinding) kept = NULL;
  g_autoptr(JhFinding) item = NULL;
  g_autoptr(GPtrArray) underlined = NULL;
  Changes changes = { 0 };
  guint n_errors = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (report)) == JH_TYPE_FINDING);
  g_signal_connect (report, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  jh_report_refresh (report);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==, 0);
  g_assert_cmpuint (changes.n_signals, ==, 0);

  /* An edit that adds a defect adds its finding, and only that. */
  edited = g_strconcat (late_text, "20xx年同。", NULL);
  jh_paragraph_set_text (late, edited);
  jh_report_recheck (report, JH_NODE (late));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==, 1);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_object_get (report, "n-errors", &n_errors, NULL);
  g_assert_cmpuint (n_errors, ==, 1);
  g_assert_cmpuint (jh_report_count (report, JH_SEVERITY_ERROR), ==, 1);
  kept = g_list_model_get_item (G_LIST_MODEL (report), 0);

  underlined = jh_report_dup_findings_for_node (report, JH_NODE (late));
  g_assert_cmpuint (underlined->len, ==, 1);
  g_assert_true (g_ptr_array_index (underlined, 0) == kept);

  /* An edit before it inserts at the front; the later finding stays the
   * same object.
   */
  edited = (g_free (edited), g_strconcat (early_text, "党的十九大精神。", NULL));
  jh_paragraph_set_text (early, edited);
  jh_report_recheck (report, JH_NODE (early));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==, 2);
  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (report), 1);
  g_assert_true (item == kept);

  /* A check with nothing changed changes nothing. */
  jh_report_refresh (report);
  g_assert_cmpuint (changes.n_signals, ==, 2);

  /* Ignored, it goes, and stays away after a check. */
  jh_report_ignore (report, kept);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==, 1);
  jh_report_refresh (report);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==, 1);
  g_assert_cmpuint (jh_report_get_ignored (report)->len, ==, 1);
  g_assert_true (jh_plan_is_finding_ignored (plan, "placeholder.year", "main-tasks#4/10/paragraph:1", "20xx"));

  /* The plan remembers it: a new report leaves it out too. */
  {
    JhIgnoredFinding *saved = g_ptr_array_index (jh_report_get_ignored (report), 0);
    g_autoptr(JhIgnoredFinding) restored = jh_ignored_finding_new (jh_ignored_finding_get_rule_id (saved),
                                                                   jh_ignored_finding_get_location (saved),
                                                                   jh_ignored_finding_get_text (saved));
    g_autoptr(JhReport) other = jh_report_new (checker, plan);

    g_assert_cmpstr (jh_ignored_finding_get_rule_id (saved), ==, "placeholder.year");
    g_assert_cmpstr (jh_ignored_finding_get_location (saved), ==, "main-tasks#4/10/paragraph:1");
    g_assert_cmpstr (jh_ignored_finding_get_text (saved), ==, "20xx");

    g_assert_cmpuint (jh_report_get_ignored (other)->len, ==, 1);
    jh_report_add_ignored (other, restored);
    g_assert_cmpuint (jh_report_get_ignored (other)->len, ==, 1);
    jh_report_refresh (other);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 1);
    g_assert_true (jh_report_remove_ignored (other, restored));
    g_assert_false (jh_plan_is_finding_ignored (plan, "placeholder.year", "main-tasks#4/10/paragraph:1", "20xx"));
    jh_report_refresh (other);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 2);
  }

  /* Undoing the edits empties the list. */
  jh_paragraph_set_text (early, early_text);
  jh_paragraph_set_text (late, late_text);
  jh_report_recheck (report, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==, 0);
  g_assert_cmpuint (jh_report_count (report, JH_SEVERITY_ERROR), ==, 0);
}

/* Every current clause of the built-in library, put into a plan, checks
 * clean but for the variables the user must fill; every superseded or
 * historical one is recognised.
 */
static void
test_builtin_clauses (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  JhLibrarySet *set = jh_checker_get_libraries (checker);
  GListModel *clauses = jh_library_set_get_clauses (set);

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);
      g_autoptr(JhPlan) plan = new_plan (2027);
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *text = jh_clause_expand (clause, plan);
      guint n_kinds = 0;
      const JhSectionKind *kinds = jh_clause_get_kinds (clause, &n_kinds);
      JhSection *section = add_section (plan, kinds[0]);
      JhParagraph *paragraph = add_paragraph (section, text);

      findings = jh_checker_check_paragraph (checker, paragraph);

      if (jh_clause_get_status (clause) == JH_CLAUSE_STATUS_CURRENT)
        {
          for (guint j = 0; j < findings->len; j++)
            {
              JhFinding *finding = g_ptr_array_index (findings, j);

              if (!g_str_equal (jh_finding_get_rule_id (finding), "placeholder.variable"))
                g_error ("Clause %s: %s: %s", jh_clause_get_id (clause),
                         jh_finding_get_rule_id (finding), jh_finding_get_text (finding));
            }
        }
      else
        {
          g_assert_nonnull (find_rule (findings, "reuse.superseded-clause"));
          g_assert_cmpuint (findings->len, >=, 2);
        }
    }
}

/* Imported lists that skip a number keep their markers in the leads. */
static void
test_numbering_leads (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhSection *schedule = add_section (plan, JH_SECTION_KIND_SCHEDULE);
  JhTask *month;

  add_task (tasks, "1、加强理论学习，提高履职能力", "每季度");
  add_task (tasks, "2、加强委员队伍建设", "全年");
  add_task (tasks, "4、做好委员联络服务工作", "全年");
  /* A list that starts again is not broken; a marker inside a lead is not one. */
  month = add_task (schedule, "5月", "5月");
  add_task (schedule, "6月，组织委员学习1、2月份的会议精神", "6月");
  {
    g_autoptr(JhTask) first = jh_task_new ("1、组织委员集中学习");
    g_autoptr(JhTask) second = jh_task_new ("2、召开工委全体会议");
    g_autoptr(JhTask) again = jh_task_new ("1、开展视察1次");

    jh_task_insert_subtask (month, -1, first);
    jh_task_insert_subtask (month, -1, second);
    jh_task_insert_subtask (month, -1, again);
  }

  findings = jh_checker_check (checker, plan);
  found = describe (findings);
  g_assert_cmpstr (found, ==, "numbering.arabic|4、\n");
  g_assert_cmpstr (jh_fix_get_replacement (g_ptr_array_index (jh_finding_get_fixes (g_ptr_array_index (findings, 0)), 0)),
                   ==, "3、");
}

static void
test_text_diff (void)
{
  static const struct
  {
    const char *old_text;
    const char *new_text;
    const char *shown;
  } cases[] = {
    { "全面贯彻党的十九大精神。", "全面贯彻党的二十大精神。", "全面贯彻党的{+二+}十[-九-]大精神。" },
    { "紧扣“十四五”规划目标任务", "紧扣“十五五”规划目标任务", "紧扣“十[-四-]{+五+}五”规划目标任务" },
    { "相同", "相同", "相同" },
    { "", "新增", "{+新增+}" },
    { "删去", "", "[-删去-]" },
    { "坚持团结和民主两大主题", "坚持团结和民主两大主题，服务大局", "坚持团结和民主两大主题{+，服务大局+}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) chunks = jh_text_diff (cases[i].old_text, cases[i].new_text);
      g_autofree char *shown = jh_text_diff_format (chunks);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

/* A clause that becomes historical after a first check is found by the
 * next one: the checker's index of old clauses follows the library.
 */
static void
test_reuse_old_clause_added (void)
{
  static const char text[] = "围绕辖区菜市场提档升级和夜间经济发展开展视察，推动出台便民消费扶持措施。";
  g_autoptr(JhLibrarySet) set = jh_library_set_new ();
  g_autoptr(JhLibrary) builtin = jh_library_new_builtin ();
  g_autoptr(JhLibrary) mine = jh_library_new ("我的条款");
  g_autoptr(JhChecker) checker = NULL;
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(JhClause) clause = jh_clause_new ("mine.market", 1, "菜市场视察", text);
  JhParagraph *paragraph;
  JhFinding *finding = NULL;

  jh_library_set_append (set, builtin);
  jh_library_set_append (set, mine);
  checker = jh_checker_new (set);
  paragraph = add_paragraph (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS), text);

  before = jh_checker_check (checker, plan);
  g_assert_null (find_rule (before, "reuse.superseded-clause"));

  jh_clause_set_status (clause, JH_CLAUSE_STATUS_HISTORICAL);
  jh_library_add_clause (mine, clause);

  after = jh_checker_check (checker, plan);
  finding = find_rule (after, "reuse.superseded-clause");
  g_assert_nonnull (finding);
  g_assert_true (jh_finding_get_node (finding) == JH_NODE (paragraph));
}

/* A paragraph whose provenance names a superseded clause is told to use
 * its successor, with the difference.
 */
static void
test_reuse_superseded_provenance (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = new_complete_plan (2027);
  g_autoptr(GPtrArray) findings = NULL;
  GListModel *clauses = jh_library_set_get_clauses (jh_checker_get_libraries (checker));
  JhClause *old = NULL;
  JhClause *successor;
  g_autoptr(JhProvenance) provenance = NULL;
  g_autofree char *text = NULL;
  JhParagraph *paragraph;
  JhFinding *finding = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (clauses) && old == NULL; i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

      if (jh_clause_get_status (clause) == JH_CLAUSE_STATUS_SUPERSEDED && jh_clause_get_superseded_by (clause) != NULL)
        old = clause;
    }
  g_assert_nonnull (old);
  successor = jh_library_set_find_clause (jh_checker_get_libraries (checker), jh_clause_get_superseded_by (old));
  g_assert_nonnull (successor);

  text = jh_clause_expand (old, plan);
  provenance = jh_provenance_new (jh_clause_get_id (old), jh_clause_get_version (old), NULL, 0);
  paragraph = add_paragraph (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS), text);
  jh_paragraph_set_provenance (paragraph, provenance);

  findings = jh_checker_check (checker, plan);
  for (guint i = 0; i < findings->len; i++)
    {
      JhFinding *candidate = g_ptr_array_index (findings, i);

      if (jh_finding_get_node (candidate) == JH_NODE (paragraph) &&
          g_str_equal (jh_finding_get_rule_id (candidate), "reuse.clause-version"))
        finding = candidate;
    }
  g_assert_nonnull (finding);
  g_assert_cmpint (jh_finding_get_category (finding), ==, JH_RULE_CATEGORY_REUSE);
  g_assert_true (jh_fix_get_clause (g_ptr_array_index (jh_finding_get_fixes (finding), 0)) == successor);
  {
    g_autoptr(GPtrArray) diff = jh_finding_dup_diff (finding);

    g_assert_nonnull (diff);
    g_assert_cmpuint (diff->len, >, 1);
  }
}

static guint
count_category (GPtrArray      *findings,
                JhRuleCategory  category)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (jh_finding_get_category (g_ptr_array_index (findings, i)) == category)
      n++;

  return n;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notify)
{
  (*n_notify)++;
}

/* A category switched off leaves out every rule of its kind, and only
 * those; unknown nicks are ignored.
 */
static void
test_disabled_categories (void)
{
  g_autoptr(JhChecker) checker = new_checker ();
  g_autoptr(JhPlan) plan = load_plan ("defects.jhplan");
  g_autoptr(GPtrArray) before = jh_checker_check (checker, plan);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_auto(GStrv) disabled = NULL;
  const char * const nicks[] = { "punctuation", "placeholder", "no-such-category", NULL };
  guint n_punctuation = count_category (before, JH_RULE_CATEGORY_PUNCTUATION);
  guint n_placeholder = count_category (before, JH_RULE_CATEGORY_PLACEHOLDER);
  guint n_notify = 0;

  g_assert_cmpuint (n_punctuation, >, 0);
  g_assert_cmpuint (n_placeholder, >, 0);

  g_signal_connect (checker, "notify::disabled-categories", G_CALLBACK (notify_count_cb), &n_notify);
  g_object_set (checker, "disabled-categories", nicks, NULL);
  jh_checker_set_disabled_categories (checker, nicks);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (jh_checker_is_category_disabled (checker, JH_RULE_CATEGORY_PUNCTUATION));
  g_assert_false (jh_checker_is_category_disabled (checker, JH_RULE_CATEGORY_YEAR));
  g_object_get (checker, "disabled-categories", &disabled, NULL);
  g_assert_cmpstrv (disabled, ((const char * const []) { "placeholder", "punctuation", NULL }));

  after = jh_checker_check (checker, plan);
  g_assert_cmpuint (count_category (after, JH_RULE_CATEGORY_PUNCTUATION), ==, 0);
  g_assert_cmpuint (count_category (after, JH_RULE_CATEGORY_PLACEHOLDER), ==, 0);
  g_assert_cmpuint (after->len, ==, before->len - n_punctuation - n_placeholder);

  jh_checker_set_disabled_categories (checker, NULL);
  again = jh_checker_check (checker, plan);
  g_assert_cmpuint (again->len, ==, before->len);
  g_assert_cmpuint (n_notify, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/checks/sample", test_sample_clean);
  g_test_add_func ("/jihua/checks/carried-over/file", test_carried_over_file);
  g_test_add_func ("/jihua/checks/carried-over/api", test_carried_over_api);
  g_test_add_func ("/jihua/checks/corpus", test_corpus);
  g_test_add_func ("/jihua/checks/formulation", test_formulation);
  g_test_add_func ("/jihua/checks/placeholder", test_placeholder);
  g_test_add_func ("/jihua/checks/required", test_required);
  g_test_add_func ("/jihua/checks/schedule", test_schedule);
  g_test_add_func ("/jihua/checks/target", test_target);
  g_test_add_func ("/jihua/checks/punctuation", test_punctuation);
  g_test_add_func ("/jihua/checks/numbering", test_numbering);
  g_test_add_func ("/jihua/checks/duplicate", test_duplicate);
  g_test_add_func ("/jihua/checks/year", test_year);
  g_test_add_func ("/jihua/checks/reuse/clause-version", test_reuse_clause_version);
  g_test_add_func ("/jihua/checks/reuse/superseded-provenance", test_reuse_superseded_provenance);
  g_test_add_func ("/jihua/checks/reuse/old-clause-added", test_reuse_old_clause_added);
  g_test_add_func ("/jihua/checks/diff", test_text_diff);
  g_test_add_func ("/jihua/checks/numbering/leads", test_numbering_leads);
  g_test_add_func ("/jihua/checks/english", test_english);
  g_test_add_func ("/jihua/checks/paragraph", test_paragraph);
  g_test_add_func ("/jihua/checks/disabled-categories", test_disabled_categories);
  g_test_add_func ("/jihua/checks/report", test_report);
  g_test_add_func ("/jihua/checks/report-duplicates", test_report_duplicates);
  g_test_add_func ("/jihua/checks/builtin-clauses", test_builtin_clauses);

  return g_test_run ();
}
