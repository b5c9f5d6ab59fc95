/**
 * The provincial-level divisions of China, by their English and Chinese names: official reports
 * say "the Provincial Party Committee" or "the province" without naming it, and the drafter
 * names it from the province the report mentions most (see context.ts).
 */
export interface Province {
  name: string;
  /** What follows the name in its full English form: "Jilin Province", "Beijing Municipality". */
  suffix: 'Province' | 'Municipality' | 'Autonomous Region';
  /** The adjective of its bodies: "Jilin Provincial Party Committee", "Beijing Municipal …". */
  adjective: 'Provincial' | 'Municipal' | 'Autonomous Regional';
  zh: string;
}

const row = (name: string, zh: string, suffix: Province['suffix'] = 'Province'): Province => ({
  name,
  suffix,
  adjective: suffix === 'Province' ? 'Provincial' : suffix === 'Municipality' ? 'Municipal' : 'Autonomous Regional',
  zh,
});

export const PROVINCES: ReadonlyArray<Province> = [
  row('Anhui', '安徽'), row('Fujian', '福建'), row('Gansu', '甘肃'), row('Guangdong', '广东'), row('Guizhou', '贵州'),
  row('Hainan', '海南'), row('Hebei', '河北'), row('Heilongjiang', '黑龙江'), row('Henan', '河南'), row('Hubei', '湖北'),
  row('Hunan', '湖南'), row('Jiangsu', '江苏'), row('Jiangxi', '江西'), row('Jilin', '吉林'), row('Liaoning', '辽宁'),
  row('Qinghai', '青海'), row('Shaanxi', '陕西'), row('Shandong', '山东'), row('Shanxi', '山西'), row('Sichuan', '四川'),
  row('Yunnan', '云南'), row('Zhejiang', '浙江'),
  row('Beijing', '北京', 'Municipality'), row('Tianjin', '天津', 'Municipality'), row('Shanghai', '上海', 'Municipality'),
  row('Chongqing', '重庆', 'Municipality'),
  row('Guangxi', '广西', 'Autonomous Region'), row('Inner Mongolia', '内蒙古', 'Autonomous Region'),
  row('Ningxia', '宁夏', 'Autonomous Region'), row('Tibet', '西藏', 'Autonomous Region'), row('Xinjiang', '新疆', 'Autonomous Region'),
];
