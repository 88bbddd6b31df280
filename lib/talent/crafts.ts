/**
 * 工种 controlled vocabulary (domain-talent-policy.md §4), grouped, with English names. Codes are stable ASCII;
 * labels are what people read. Criteria and search refer to codes.
 */
export interface Craft {
  code: string;
  zh: string;
  en: string;
  group: CraftGroup;
}
export type CraftGroup = 'materials' | 'forming' | 'carving' | 'glazing' | 'underglaze' | 'overglaze' | 'firing' | 'finishing' | 'design';

export const CRAFT_GROUPS: Record<CraftGroup, { zh: string; en: string }> = {
  materials: { zh: '原料', en: 'Materials' },
  forming: { zh: '成型', en: 'Forming' },
  carving: { zh: '雕', en: 'Carving' },
  glazing: { zh: '施釉', en: 'Glazing' },
  underglaze: { zh: '装饰（釉下）', en: 'Underglaze decoration' },
  overglaze: { zh: '装饰（釉上）', en: 'Overglaze decoration' },
  firing: { zh: '烧成', en: 'Firing' },
  finishing: { zh: '后处理', en: 'Finishing' },
  design: { zh: '设计与商业', en: 'Design and business' },
};

export const CRAFTS: readonly Craft[] = [
  { code: 'clay_prep', zh: '配泥/练泥', en: 'Clay preparation', group: 'materials' },
  { code: 'glaze_mixing', zh: '釉料配制', en: 'Glaze formulation', group: 'materials' },
  { code: 'pigment', zh: '色料研制', en: 'Pigment development', group: 'materials' },
  { code: 'throwing_round', zh: '拉坯（圆器）', en: 'Wheel throwing (round ware)', group: 'forming' },
  { code: 'throwing_shaped', zh: '拉坯（琢器）', en: 'Wheel throwing (shaped ware)', group: 'forming' },
  { code: 'trimming', zh: '利坯/修坯/挖足', en: 'Trimming and footing', group: 'forming' },
  { code: 'press_moulding', zh: '印坯', en: 'Press moulding', group: 'forming' },
  { code: 'slip_casting', zh: '注浆', en: 'Slip casting', group: 'forming' },
  { code: 'mould_making', zh: '模具/翻模', en: 'Mould making', group: 'forming' },
  { code: 'hand_building', zh: '手捏/泥条盘筑', en: 'Hand building and coiling', group: 'forming' },
  { code: 'ceramic_3d_printing', zh: '3D打印', en: '3D printing', group: 'forming' },
  { code: 'sculpture', zh: '雕塑/捏雕', en: 'Sculpture', group: 'carving' },
  { code: 'relief', zh: '堆雕', en: 'Relief sculpting', group: 'carving' },
  { code: 'incising', zh: '刻花', en: 'Incising', group: 'carving' },
  { code: 'openwork', zh: '镂空/玲珑', en: 'Openwork and rice-grain', group: 'carving' },
  { code: 'eggshell', zh: '薄胎', en: 'Eggshell porcelain', group: 'carving' },
  { code: 'glaze_swirl', zh: '荡釉', en: 'Swirl glazing', group: 'glazing' },
  { code: 'glaze_dip', zh: '浸釉', en: 'Dip glazing', group: 'glazing' },
  { code: 'glaze_spray', zh: '吹釉', en: 'Spray glazing', group: 'glazing' },
  { code: 'glaze_brush', zh: '刷釉', en: 'Brush glazing', group: 'glazing' },
  { code: 'colour_glaze', zh: '颜色釉（高温）', en: 'High-fired colour glazes', group: 'glazing' },
  { code: 'qinghua_outline', zh: '青花（勾线）', en: 'Blue-and-white outlining', group: 'underglaze' },
  { code: 'qinghua_fill', zh: '青花（分水/混水）', en: 'Blue-and-white washing', group: 'underglaze' },
  { code: 'underglaze_red', zh: '釉里红', en: 'Underglaze red', group: 'underglaze' },
  { code: 'underglaze_polychrome', zh: '釉下五彩', en: 'Underglaze polychrome', group: 'underglaze' },
  { code: 'famille_rose', zh: '粉彩', en: 'Famille rose', group: 'overglaze' },
  { code: 'famille_verte', zh: '古彩', en: 'Famille verte', group: 'overglaze' },
  { code: 'new_colours', zh: '新彩', en: 'New colours (xincai)', group: 'overglaze' },
  { code: 'enamel', zh: '珐琅彩', en: 'Enamel painting', group: 'overglaze' },
  { code: 'gilding', zh: '描金', en: 'Gilding', group: 'overglaze' },
  { code: 'decals', zh: '贴花/丝网', en: 'Decals and screen printing', group: 'overglaze' },
  { code: 'combined_decoration', zh: '综合装饰', en: 'Combined decoration', group: 'overglaze' },
  { code: 'kiln_loading', zh: '满窑/装窑', en: 'Kiln loading', group: 'firing' },
  { code: 'wood_firing', zh: '把桩（柴窑）', en: 'Wood-kiln master', group: 'firing' },
  { code: 'gas_firing', zh: '气窑烧成', en: 'Gas-kiln firing', group: 'firing' },
  { code: 'electric_firing', zh: '电窑烧成', en: 'Electric-kiln firing', group: 'firing' },
  { code: 'enamel_firing', zh: '烤花', en: 'Enamel firing', group: 'firing' },
  { code: 'polishing', zh: '打磨/抛光', en: 'Grinding and polishing', group: 'finishing' },
  { code: 'restoration', zh: '锔瓷/修复', en: 'Riveting and restoration', group: 'finishing' },
  { code: 'product_design', zh: '陶瓷设计/产品设计', en: 'Ceramic and product design', group: 'design' },
  { code: 'branding', zh: '品牌/包装', en: 'Branding and packaging', group: 'design' },
  { code: 'photography', zh: '陶瓷摄影', en: 'Ceramics photography', group: 'design' },
  { code: 'livestream', zh: '直播/电商', en: 'Live-streaming and e-commerce', group: 'design' },
  { code: 'curating', zh: '策展', en: 'Curating', group: 'design' },
];

export const CRAFT_CODES = CRAFTS.map((c) => c.code) as [string, ...string[]];
const BY_CODE = new Map(CRAFTS.map((c) => [c.code, c]));
export function craftByCode(code: string): Craft | undefined {
  return BY_CODE.get(code);
}
