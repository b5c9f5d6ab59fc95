/**
 * Common Chinese family names in Hanyu Pinyin, as they open a person's name in English-language
 * reports ("Huang Qiang", "Ouyang Xiaoming"). A capitalised pair of words is taken for a new
 * person only when it starts with one of these, so "Provincial Party" never becomes a person.
 */
export const SURNAMES: ReadonlySet<string> = new Set(
  (
    'An Ai Bai Ban Bao Bi Bian Cai Cao Cen Chai Chang Chen Cheng Chi Chu Cong Cui Dai Deng Di Diao Ding Dong Dou Du Duan ' +
    'Fan Fang Fei Feng Fu Gai Gan Gao Ge Geng Gong Gou Gu Guan Guo Han Hao He Hong Hou Hu Hua Huang Ji Jia Jian Jiang ' +
    'Jin Jing Ju Kang Ke Kong Kou Kuang Lai Lan Lang Lei Li Lian Liang Liao Lin Ling Liu Long Lou Lu Luo Lü Lv Ma Mai Mao ' +
    'Meng Mi Miao Min Mo Mu Ni Nie Ning Niu Ou Pan Pang Pei Peng Pi Ping Pu Qi Qian Qiao Qin Qiu Qu Quan Ran Rao Ren Rong ' +
    'Ruan Shan Shang Shao She Shen Sheng Shi Shu Si Song Su Sui Sun Tan Tang Tao Teng Tian Tong Tu Wan Wang Wei Wen Weng Wu ' +
    'Xi Xia Xian Xiang Xiao Xie Xin Xing Xiong Xu Xue Yan Yang Yao Ye Yi Yin Ying You Yu Yuan Yue Yun Zang Zeng Zha Zhai Zhan ' +
    'Zhang Zhao Zhen Zheng Zhong Zhou Zhu Zhuang Zou Zuo Ouyang Shangguan Sima Situ Zhuge Murong Huangfu Dongfang'
  ).split(' '),
);
