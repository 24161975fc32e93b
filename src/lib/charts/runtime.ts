/**
 * The ECharts build the app uses: only the chart kinds and components of our option builders are
 * registered (a much smaller bundle than `import * as echarts from 'echarts'`). Shared by the browser
 * component and, later, the server-side SVG rendering of reports (`init(null, null, {ssr: true})`).
 */
import { BarChart, HeatmapChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent } from 'echarts/components';
import { RadarComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	LineChart,
	HeatmapChart,
	RadarChart,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	MarkPointComponent,
	RadarComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent,
	CanvasRenderer,
	SVGRenderer
]);

export { echarts };
